import { parametersFor } from '../../calculators/index.js';
import type { CampusSummary, ClassSummary } from '../cache/campus-summary.js';
import { renderBarChart } from '../charts/bar-chart.js';
import type { CampusChoice } from '../sources/campus-list.js';
import { maskCount, maskCountFamily, maskRate, type ShownFigure } from '../sources/mask-figures.js';
import { translate, type Locale } from '../render/string-catalogue.js';
import { GAP_GROUPS, type GapGroup } from './gap-group.js';

/** One graduating class line, masked. */
export interface ClassLine {
  graduationYear: number;
  accountabilityYear: number;
  isSelected: boolean;
  students: ShownFigure;
  graduates: ShownFigure;
  rateNow: ShownFigure;
  rateProjected: ShownFigure | null;
  onTrack: ShownFigure;
  component: ShownFigure;
  letter: string | null;
}

/** The fields the campus dashboard shows. */
export interface CampusDashboardModel {
  campuses: Array<CampusChoice & { isSelected: boolean }>;
  campusName: string;
  classes: ClassLine[];
  selected: ClassLine | null;
  groups: Array<{ group: GapGroup; count: ShownFigure; isSelected: boolean }>;
  chart: { svg: string; caption: string } | null;
  aCut: number | null;
}

function presentClass(summary: ClassSummary, isSelected: boolean): ClassLine {
  const rate = summary.rateNow;
  const graduates = rate.annual_graduates;
  const projected = summary.rateProjected;
  return {
    graduationYear: summary.graduationYear,
    accountabilityYear: summary.accountabilityYear,
    isSelected,
    students: maskCount(summary.students),
    graduates: maskCount(graduates),
    rateNow: maskRate(rate.ccmr_rate_pct, graduates),
    rateProjected: projected ? maskRate(projected.ccmr_rate_pct, projected.annual_graduates) : null,
    onTrack: maskCount(summary.onTrack),
    component: maskRate(rate.component_score, graduates),
    letter: graduates >= 5 ? rate.letter : null,
  };
}

/** The gap groups add up to the class's not-ready students: masked as one family. */
function presentGroups(chosen: ClassSummary, selectedGroup: GapGroup | null) {
  const counts = maskCountFamily(GAP_GROUPS.map((group) => chosen.groups[group].length));
  return GAP_GROUPS.map((group, index) => ({
    group,
    count: counts[index]!,
    isSelected: group === selectedGroup,
  }));
}

function chartOf(lines: ClassLine[], aCut: number | null, locale: Locale) {
  if (lines.length === 0) return null;
  const t = (key: string, values?: Record<string, unknown>) => translate(locale, key, values);
  const svg = renderBarChart({
    id: 'campus-rate-chart',
    title: t('campus.chart.title'),
    description: t('campus.chart.description'),
    bars: lines.map((line) => ({
      label: t('card.class-of', { year: line.graduationYear }),
      value: line.rateNow.value,
      second: line.rateProjected?.value ?? null,
    })),
    target: aCut === null ? null : { value: aCut, label: t('campus.chart.a-cut', { cut: aCut }) },
    seriesLabels: [t('campus.rate-now'), t('campus.rate-projected')],
  });
  return { svg, caption: t('campus.chart.caption') };
}

/**
 * Chooses what the campus dashboard shows: per graduating class the masked rate now and
 * projected, the component score and letter; the selected class's gap groups; a chart of the
 * rates. No student appears here; the drill-down list is presented separately.
 *
 * @param summary - the campus aggregates.
 * @param campuses - the campuses the viewer may choose, and the selected one.
 * @param selectedYear - the graduating class chosen, or null for the newest.
 * @param selectedGroup - the gap group drilled into, if any.
 * @param locale - for the chart's words.
 * @returns the model.
 */
export function presentCampusDashboard(
  summary: CampusSummary,
  campuses: CampusChoice[],
  selectedYear: number | null,
  selectedGroup: GapGroup | null,
  locale: Locale,
): CampusDashboardModel {
  const chosen =
    summary.classes.find((c) => c.graduationYear === selectedYear) ?? summary.classes[0] ?? null;
  const classes = summary.classes.map((c) => presentClass(c, c === chosen));
  const aCut = chosen ? parametersFor(chosen.accountabilityYear).aggregation.cut_scores.A : null;
  return {
    campuses: campuses.map((c) => ({ ...c, isSelected: c.orgId === summary.campusOrgId })),
    campusName: campuses.find((c) => c.orgId === summary.campusOrgId)?.name ?? '',
    classes,
    selected: classes.find((c) => c.isSelected) ?? null,
    groups: chosen ? presentGroups(chosen, selectedGroup) : [],
    chart: chartOf([...classes].reverse(), aCut, locale),
    aCut,
  };
}
