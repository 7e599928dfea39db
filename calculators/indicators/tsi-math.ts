import { outcome, type Evidence, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentWindow } from '../student-window.js';
import { checkCollegePrep } from './tsi-college-prep.js';
import { ClosestScore } from './closest-score.js';

/**
 * TSI college readiness in mathematics (ccmr-rules.md §4.1): TSI-TSIA1, TSI-TSIA2-MATH,
 * TSI-SAT, TSI-ACT-OLD, TSI-ACT-NEW, then TSI-CPC (last, so that an outcome decided by
 * `TSI-CPC` means no assessment passed, as OB-TSI needs).
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @returns the deciding outcome, or the closest attempt when not met.
 * @example evaluateTsiMath({ tsia2: [{ date: '2023-09-14', math_crc: 950 }], ... }, p).is_met // true
 */
export function evaluateTsiMath(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const cuts = params.tsi;
  const end = window.endFor(params.windows.tsi_end);
  const closest = new ClosestScore();

  if (record.tsia1 !== undefined) {
    for (const test of record.tsia1) {
      if (test.date > end) {
        closest.offerLate('TSI-TSIA1', 'tsia1', test.date);
        continue;
      }
      if (test.math === undefined) continue;
      const evidence = scoreEvidence('tsia1', test.date, 'math', test.math, cuts.tsia1_math_min);
      if (test.math >= cuts.tsia1_math_min) return outcome('TSI-TSIA1', true, 'met', evidence);
      closest.offer('TSI-TSIA1', test.math / cuts.tsia1_math_min, evidence);
    }
  }

  if (record.tsia2 !== undefined) {
    for (const test of record.tsia2) {
      if (test.date > end) {
        closest.offerLate('TSI-TSIA2-MATH', 'tsia2', test.date);
        continue;
      }
      if (test.math_crc !== undefined) {
        const crc = test.math_crc;
        const evidence = scoreEvidence(
          'tsia2',
          test.date,
          'math_crc',
          crc,
          cuts.tsia2_math_crc_min,
        );
        if (crc >= cuts.tsia2_math_crc_min) return outcome('TSI-TSIA2-MATH', true, 'met', evidence);
        closest.offer('TSI-TSIA2-MATH', crc / cuts.tsia2_math_crc_min, evidence);
      }
      if (test.math_diag !== undefined) {
        const diag = test.math_diag;
        const evidence = scoreEvidence(
          'tsia2',
          test.date,
          'math_diag',
          diag,
          cuts.tsia2_math_diag_min,
        );
        if (diag >= cuts.tsia2_math_diag_min)
          return outcome('TSI-TSIA2-MATH', true, 'met', evidence);
        closest.offer('TSI-TSIA2-MATH', diag / cuts.tsia2_math_diag_min, evidence);
      }
    }
  }

  if (record.sat !== undefined) {
    for (const test of record.sat) {
      if (test.math === undefined || test.date < cuts.sat_first_date) continue;
      if (test.date > end) {
        closest.offerLate('TSI-SAT', 'sat', test.date);
        continue;
      }
      const evidence = scoreEvidence('sat', test.date, 'math', test.math, cuts.sat_math_min);
      if (test.math >= cuts.sat_math_min) return outcome('TSI-SAT', true, 'met', evidence);
      closest.offer('TSI-SAT', test.math / cuts.sat_math_min, evidence);
    }
  }

  const act = checkActMath(record, params, end, closest);
  if (act !== null) return act;

  return checkCollegePrep(record, params, 'MATH', closest) ?? closest.toOutcome();
}

/** TSI-ACT-OLD (composite and math in one sitting) and TSI-ACT-NEW (math alone). */
function checkActMath(
  record: StudentRecord,
  params: YearParameters,
  end: string,
  closest: ClosestScore,
): Outcome | null {
  const tests = record.act;
  if (tests === undefined) return null;
  const cuts = params.tsi;
  for (const test of tests) {
    if (test.math === undefined) continue;
    if (test.date > end) {
      closest.offerLate('TSI-ACT-NEW', 'act', test.date);
      continue;
    }
    const isNew = test.date >= cuts.act_new_from_date;
    if (!isNew && test.composite !== undefined) {
      const evidence: Evidence = {
        source: 'act',
        date: test.date,
        field: 'composite+math',
        value: `${test.composite}/${test.math}`,
        cut: `${cuts.act_old_composite_min}/${cuts.act_old_math_min}`,
      };
      if (test.composite >= cuts.act_old_composite_min && test.math >= cuts.act_old_math_min) {
        return outcome('TSI-ACT-OLD', true, 'met', evidence);
      }
      const ratio = Math.min(
        test.composite / cuts.act_old_composite_min,
        test.math / cuts.act_old_math_min,
      );
      closest.offer('TSI-ACT-OLD', ratio, evidence);
    }
    if (isNew || cuts.act_new_benchmarks_apply_to_old_tests) {
      const evidence = scoreEvidence('act', test.date, 'math', test.math, cuts.act_new_math_min);
      if (test.math >= cuts.act_new_math_min) return outcome('TSI-ACT-NEW', true, 'met', evidence);
      closest.offer('TSI-ACT-NEW', test.math / cuts.act_new_math_min, evidence);
    }
  }
  return null;
}

function scoreEvidence(
  source: string,
  date: string,
  field: string,
  value: number,
  cut: number,
): Evidence {
  return { source, date, field, value, cut };
}
