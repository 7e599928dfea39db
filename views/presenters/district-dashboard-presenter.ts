import { computeOutcomesBonus, parametersFor, type ObCohort } from '../../calculators/index.js';
import type { CampusSummary, ClassSummary } from '../cache/campus-summary.js';
import { renderBarChart } from '../charts/bar-chart.js';
import { maskCount, maskRate, type ShownFigure } from '../sources/mask-figures.js';
import { translate, type Locale } from '../render/string-catalogue.js';

/** One campus beside the others, for the selected graduating class. */
export interface CampusColumn {
  orgId: string;
  name: string;
  graduates: ShownFigure;
  rateNow: ShownFigure;
  rateProjected: ShownFigure | null;
  component: ShownFigure;
  letter: string | null;
}

/** One Outcomes Bonus cohort line (OB-CALC). */
export interface BonusLine {
  cohort: ObCohort;
  graduates: ShownFigure;
  ready: ShownFigure;
  minCount: number;
  thresholdPct: number;
  above: number;
  dollars: number;
}

/** The fields the district dashboard shows. */
export interface DistrictDashboardModel {
  years: Array<{ graduationYear: number; isSelected: boolean }>;
  graduationYear: number | null;
  accountabilityYear: number | null;
  isProjected: boolean;
  campuses: CampusColumn[];
  bonus: { lines: BonusLine[]; total: number } | null;
  trend: Array<{ graduationYear: number; rateNow: ShownFigure; graduates: ShownFigure }>;
  campusChart: { svg: string; caption: string } | null;
  trendChart: { svg: string; caption: string } | null;
}

function columnOf(orgId: string, name: string, summary: ClassSummary | undefined): CampusColumn {
  const rate = summary?.rateNow;
  const graduates = rate?.annual_graduates ?? 0;
  return {
    orgId,
    name,
    graduates: maskCount(graduates),
    rateNow: maskRate(rate?.ccmr_rate_pct ?? null, graduates),
    rateProjected: summary?.rateProjected
      ? maskRate(summary.rateProjected.ccmr_rate_pct, summary.rateProjected.annual_graduates)
      : null,
    component: maskRate(rate?.component_score ?? null, graduates),
    letter: graduates >= 5 ? (rate?.letter ?? null) : null,
  };
}

function bonusOf(summary: ClassSummary): DistrictDashboardModel['bonus'] {
  const params = parametersFor(summary.accountabilityYear);
  const bonus = computeOutcomesBonus(summary.bonusCounts, params);
  const lines = (['ED', 'NONED', 'SPED'] as const).map((cohort) => ({
    cohort,
    graduates: maskCount(bonus[cohort].N),
    ready: maskCount(bonus[cohort].ready),
    minCount: bonus[cohort].min_count,
    thresholdPct: Math.round(params.outcomes_bonus.thresholds[cohort] * 1000) / 10,
    above: bonus[cohort].above,
    dollars: bonus[cohort].bonus,
  }));
  return { lines, total: bonus.total };
}

function chart(
  id: string,
  locale: Locale,
  bars: Array<{ label: string; value: number | null; second?: number | null }>,
) {
  const t = (key: string) => translate(locale, key);
  return {
    svg: renderBarChart({
      id,
      title: t(`district.${id}.title`),
      description: t(`district.${id}.description`),
      bars,
      seriesLabels: [t('campus.rate-now'), t('campus.rate-projected')],
    }),
    caption: t('campus.chart.caption'),
  };
}

/**
 * Chooses what the district dashboard shows: the campuses side by side for one graduating
 * class, the district's Outcomes Bonus estimate by cohort against its threshold, and the trend
 * of the district rate over graduating classes. Figures of fewer than five students are masked.
 *
 * @param district - the district-wide summary.
 * @param campuses - each campus with its summary.
 * @param selectedYear - the graduating class chosen, or null for the newest.
 * @param locale - for the charts' words.
 * @returns the model.
 */
export function presentDistrictDashboard(
  district: CampusSummary,
  campuses: Array<{ orgId: string; name: string; summary: CampusSummary }>,
  selectedYear: number | null,
  locale: Locale,
): DistrictDashboardModel {
  const chosen =
    district.classes.find((c) => c.graduationYear === selectedYear) ?? district.classes[0];
  const year = chosen?.graduationYear ?? null;
  const columns = campuses.map((c) =>
    columnOf(
      c.orgId,
      c.name,
      c.summary.classes.find((k) => k.graduationYear === year),
    ),
  );
  const trend = [...district.classes].reverse().map((c) => ({
    graduationYear: c.graduationYear,
    rateNow: maskRate(c.rateNow.ccmr_rate_pct, c.rateNow.annual_graduates),
    graduates: maskCount(c.rateNow.annual_graduates),
  }));
  return {
    years: district.classes.map((c) => ({
      graduationYear: c.graduationYear,
      isSelected: c === chosen,
    })),
    graduationYear: year,
    accountabilityYear: chosen?.accountabilityYear ?? null,
    isProjected: chosen?.rateProjected !== null && chosen !== undefined,
    campuses: columns,
    bonus: chosen ? bonusOf(chosen) : null,
    trend,
    campusChart: columns.length
      ? chart(
          'campus-chart',
          locale,
          columns.map((c) => ({
            label: c.name,
            value: c.rateNow.value,
            second: c.rateProjected?.value ?? null,
          })),
        )
      : null,
    trendChart: trend.length
      ? chart(
          'trend-chart',
          locale,
          trend.map((t) => ({ label: String(t.graduationYear), value: t.rateNow.value })),
        )
      : null,
  };
}
