import { aggregateCcmrRate } from '../aggregation/aggregate-ccmr-rate.js';
import type { Letter } from '../aggregation/scale-component.js';
import { evaluateStudent } from '../evaluate-student.js';
import {
  computeOutcomesBonus,
  countOutcomesBonusCohorts,
} from '../outcomes-bonus/district-outcomes-bonus.js';
import { parametersFor } from '../parameters/parameters-for.js';
import { SUPPORTED_YEARS } from '../parameters/parameter-table.js';
import type { ParameterOverrides, YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentResult } from '../student-result.js';

/** Hypothetical evidence: arrays are added to the student's, other fields replace theirs. */
export type HypotheticalEvidence = Partial<
  Omit<
    StudentRecord,
    'student_id' | 'district_id' | 'campus_id' | 'accountability_year' | 'pending'
  >
>;

/** One change to try: evidence added to one student. */
export interface WhatIfChange {
  student_id: string;
  add: HypotheticalEvidence;
}

/** The figures a what-if compares. */
export interface WhatIfSnapshot {
  annual_graduates: number;
  numerator: number;
  ccmr_rate_pct: number | null;
  component_score: number | null;
  letter: Letter | null;
  outcomes_bonus_usd: number;
}

/** The answer of a what-if. */
export interface WhatIfResult {
  before: WhatIfSnapshot;
  after: WhatIfSnapshot;
  /** after − before; the rate difference is exact to 0.1 point. */
  delta: {
    numerator: number;
    ccmr_rate_pct: number;
    component_score: number;
    outcomes_bonus_usd: number;
  };
  /** Students whose CCMR or Outcomes Bonus standing changed. */
  changed: Array<{
    student_id: string;
    ccmr_met: [boolean, boolean];
    ob_eligible: [boolean, boolean];
  }>;
}

/**
 * What-if: adds hypothetical evidence to chosen students and reports the change in the CCMR
 * rate, the component score and the district Outcomes Bonus dollars (§5, §6).
 *
 * @param records - the campus or district's §3 records, all of one accountability year.
 * @param changes - evidence to add, by student_id; unknown ids are ignored.
 * @param overrides - the district's parameter overrides.
 * @returns before, after, the differences and the students whose standing changed.
 * @throws {RangeError} when the records are of a year the table lacks.
 * @example runWhatIf(campus, [{ student_id: 'S07', add: { sat: [{ date: '2024-03-09', math: 540 }] } }]).delta.numerator // 1
 */
export function runWhatIf(
  records: readonly StudentRecord[],
  changes: readonly WhatIfChange[],
  overrides?: ParameterOverrides,
): WhatIfResult {
  const params = parametersFor(
    records[0]?.accountability_year ?? SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1],
    overrides,
  );
  const byStudent = new Map(changes.map((change) => [change.student_id, change.add]));
  const before: StudentResult[] = [];
  const after: StudentResult[] = [];
  const changed: WhatIfResult['changed'] = [];
  for (const record of records) {
    const result = evaluateStudent(record, params);
    const add = record.student_id === undefined ? undefined : byStudent.get(record.student_id);
    const next = add === undefined ? result : evaluateStudent(addEvidence(record, add), params);
    before.push(result);
    after.push(next);
    if (
      next.ccmr_met !== result.ccmr_met ||
      next.outcomes_bonus.eligible !== result.outcomes_bonus.eligible
    ) {
      changed.push({
        student_id: record.student_id ?? '',
        ccmr_met: [result.ccmr_met, next.ccmr_met],
        ob_eligible: [result.outcomes_bonus.eligible, next.outcomes_bonus.eligible],
      });
    }
  }
  const a = snapshot(before, params);
  const b = snapshot(after, params);
  const graduates = a.annual_graduates;
  return {
    before: a,
    after: b,
    delta: {
      numerator: b.numerator - a.numerator,
      ccmr_rate_pct:
        graduates === 0 ? 0 : Math.round((1000 * (b.numerator - a.numerator)) / graduates) / 10,
      component_score: (b.component_score ?? 0) - (a.component_score ?? 0),
      outcomes_bonus_usd: b.outcomes_bonus_usd - a.outcomes_bonus_usd,
    },
    changed,
  };
}

function snapshot(results: StudentResult[], params: YearParameters): WhatIfSnapshot {
  const rate = aggregateCcmrRate(results, params);
  return {
    annual_graduates: rate.annual_graduates,
    numerator: rate.numerator,
    ccmr_rate_pct: rate.ccmr_rate_pct,
    component_score: rate.component_score,
    letter: rate.letter,
    outcomes_bonus_usd: computeOutcomesBonus(countOutcomesBonusCohorts(results), params).total,
  };
}

/**
 * Adds hypothetical evidence to a record: arrays are appended, other fields replaced.
 *
 * @param record - the §3 record.
 * @param add - the evidence to add.
 * @returns a new record.
 */
export function addEvidence(record: StudentRecord, add: HypotheticalEvidence): StudentRecord {
  const next: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(add)) {
    const current = next[key];
    next[key] = Array.isArray(value) && Array.isArray(current) ? [...current, ...value] : value;
  }
  return next as unknown as StudentRecord;
}
