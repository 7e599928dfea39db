import { computeObm, type ObmDomain, type ObmResult } from '../../calculators/index.js';
import type { CampusChoice } from '../sources/campus-list.js';
import { maskRate, type ShownFigure } from '../sources/mask-figures.js';
import type { ObmCohortInputs } from '../sources/obm-inputs.js';

const DOMAINS: readonly ObmDomain[] = ['attainment', 'achievement', 'access'];

/** One indicator line: its percentage and, per designation tier, met or not. */
export interface ObmIndicatorLine {
  key: string;
  pct: ShownFigure;
  isReported: boolean;
  levels: Array<{ level: string; state: 'met' | 'not_met' | 'not_used' }>;
}

/** One domain of one cohort. */
export interface ObmDomainBlock {
  domain: ObmDomain;
  ruleId: string;
  levels: Array<{ level: string; met: number; required: number; isMet: boolean }>;
  indicators: ObmIndicatorLine[];
}

/** The fields the OBM monitor shows. */
export interface ObmMonitorModel {
  campuses: Array<CampusChoice & { isSelected: boolean }>;
  cohorts: Array<{
    program: string;
    graduationYear: number;
    students: number;
    domains: ObmDomainBlock[];
  }>;
}

function blockOf(domain: ObmDomain, result: ObmResult, cohort: ObmCohortInputs): ObmDomainBlock {
  const levelNames = Object.keys(result)
    .filter((field) => field.endsWith('_required'))
    .map((field) => field.slice(0, -'_required'.length));
  return {
    domain,
    ruleId: result.rule_id,
    levels: levelNames.map((level) => ({
      level,
      met: result[`${level}_indicators_met`] as number,
      required: result[`${level}_required`] as number,
      isMet: result[`${level}_met`] as boolean,
    })),
    indicators: Object.entries(result.indicators).map(([key, row]) => {
      const input = cohort.indicators[key];
      return {
        key,
        isReported: input !== undefined,
        pct: maskRate(row.pct, input?.[1] ?? 0),
        levels: levelNames.map((level) => ({
          level,
          state: row[level] === null ? 'not_used' : row[level] ? 'met' : 'not_met',
        })),
      };
    }),
  };
}

/**
 * Chooses what the ECHS / P-TECH monitor shows: per program cohort and domain, each outcomes
 * based measure's percentage (masked below five students) against each designation tier, and
 * how many indicators each tier needs (OBM-CALC).
 *
 * @param campuses - the campuses the viewer may choose and the selected one.
 * @param selected - the selected campus.
 * @param cohorts - the campus's program cohorts and their inputs.
 * @returns the model.
 */
export function presentObmMonitor(
  campuses: CampusChoice[],
  selected: string,
  cohorts: readonly ObmCohortInputs[],
): ObmMonitorModel {
  return {
    campuses: campuses.map((c) => ({ ...c, isSelected: c.orgId === selected })),
    cohorts: cohorts.map((cohort) => ({
      program: cohort.program,
      graduationYear: cohort.graduationYear,
      students: cohort.students,
      domains: DOMAINS.flatMap((domain) => {
        const request = { program: cohort.program, domain, indicators: cohort.indicators };
        const result =
          computeObm({ ...request, version: 'current' }) ??
          computeObm({ ...request, version: '2020' });
        return result ? [blockOf(domain, result, cohort)] : [];
      }),
    })),
  };
}
