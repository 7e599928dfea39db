import { roundPercentHalfUp } from '../aggregation/rounding.js';
import type {
  ObmDomain,
  ObmProgram,
  ObmRequirement,
  ObmTable,
  ObmTarget,
  ObmVersion,
} from './obm-table.js';
import { OBM_TABLES } from './obm-tables.js';

/** Input of one indicator: `[numerator, denominator]`, plus the reference rate for comparisons. */
export type ObmCount = [number, number] | [number, number, number];

/** A request for one OBM domain. */
export interface ObmRequest {
  program: ObmProgram;
  domain: ObmDomain;
  version: ObmVersion;
  indicators: Record<string, ObmCount>;
}

/** Per indicator: the percentage (to 0.1) and, per level, met / not met / `null` if unused. */
export type ObmIndicatorResult = { pct: number | null } & Record<string, number | boolean | null>;

/** The result of one domain: indicators, and per level `<level>_indicators_met`, `_required`, `_met`. */
export interface ObmResult {
  rule_id: string;
  indicators: Record<string, ObmIndicatorResult>;
  [levelField: string]: unknown;
}

/**
 * Evaluates one ECHS or P-TECH Outcomes-Based Measure domain (ccmr-rules.md §8, OBM-CALC):
 * pct = 100 × n ÷ d with no rounding before comparison, met when pct ≥ target; comparisons with
 * the state or district rate are in percentage points. A missing input is not met.
 *
 * @param request - program, domain, version and the counts per input key.
 * @returns per-indicator results and per-level counts, requirements and verdicts; `null` when
 *   no table matches the program, domain and version.
 * @example computeObm({ program: 'ECHS', domain: 'attainment', version: 'current', indicators: { credits9_by_end_g10: [14, 40] } })?.indicators.credits9_by_end_g10.designated // true
 */
export function computeObm(request: ObmRequest): ObmResult | null {
  const table = OBM_TABLES.find(
    (t) =>
      t.program === request.program && t.domain === request.domain && t.version === request.version,
  );
  if (table === undefined) return null;

  const result: ObmResult = { rule_id: table.rule_id, indicators: {} };
  for (const indicator of table.indicators) {
    const own = request.indicators[indicator.key] ?? firstInput(indicator.targets, request);
    const row: ObmIndicatorResult = { pct: own === undefined ? null : displayPct(own) };
    for (const level of table.levels) {
      const target = indicator.targets[level];
      row[level] = target === undefined ? null : isTargetMet(target, request.indicators);
    }
    result.indicators[indicator.key] = row;
  }
  for (const level of table.levels) summariseLevel(table, level, result);
  return result;
}

function summariseLevel(table: ObmTable, level: string, result: ObmResult): void {
  const rows = Object.entries(result.indicators);
  const met = rows.filter(([, row]) => row[level] === true);
  const requirement: ObmRequirement = table.required[level];
  let required: number;
  let isMet: boolean;
  if (typeof requirement === 'number') {
    required = requirement;
    isMet = met.length >= requirement;
  } else if (requirement === 'all') {
    required = rows.filter(([, row]) => row[level] !== null).length;
    isMet = met.length >= required;
  } else {
    required = requirement.must_meet.length;
    isMet = requirement.must_meet.every((key) => result.indicators[key]?.[level] === true);
  }
  result[`${level}_indicators_met`] = met.length;
  result[`${level}_required`] = required;
  result[`${level}_met`] = isMet;
}

function isTargetMet(target: ObmTarget, inputs: Record<string, ObmCount>): boolean {
  const count = inputs[target.input];
  if (count === undefined || count[1] <= 0) return false;
  const pct = (100 * count[0]) / count[1];
  if ('min_pct' in target) {
    if (pct < target.min_pct) return false;
    return target.also === undefined || isTargetMet(target.also, inputs);
  }
  const reference = count[2];
  if (reference === undefined) return false;
  if (target.versus === 'exceeds') return pct > reference;
  return pct >= reference - (target.points ?? 0);
}

function firstInput(
  targets: Record<string, ObmTarget | undefined>,
  request: ObmRequest,
): ObmCount | undefined {
  for (const target of Object.values(targets)) {
    if (target !== undefined && request.indicators[target.input] !== undefined) {
      return request.indicators[target.input];
    }
  }
  return undefined;
}

function displayPct(count: ObmCount): number | null {
  return count[1] <= 0 ? null : roundPercentHalfUp(count[0], count[1], 1);
}
