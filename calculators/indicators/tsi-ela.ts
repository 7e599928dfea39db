import { outcome, type Evidence, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentWindow } from '../student-window.js';
import { checkCollegePrep } from './tsi-college-prep.js';
import { ClosestScore } from './closest-score.js';

/**
 * TSI college readiness in ELA/reading (ccmr-rules.md §4.1): TSI-TSIA1, TSI-TSIA2-ELAR,
 * TSI-COMBO, TSI-SAT, TSI-ACT-OLD, TSI-ACT-NEW, then TSI-CPC. Assessments are tried before the
 * college prep course so that the Outcomes Bonus (which ignores courses, OB-TSI) can reuse the
 * result: an outcome decided by `TSI-CPC` is not an assessment pass.
 *
 * TSI-WINDOW: results before grade 9 count and no 5-year validity applies; WIN-HS's default
 * end (the graduation date) does apply [U].
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @returns the deciding outcome, or the closest attempt when not met.
 * @example evaluateTsiEla({ sat: [{ date: '2023-10-07', ebrw: 480 }], ... }, p).rule_id // 'TSI-SAT'
 */
export function evaluateTsiEla(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const cuts = params.tsi;
  const end = window.endFor(params.windows.tsi_end);
  const closest = new ClosestScore();

  const tsia1 = record.tsia1;
  let tsia1Essay = -1;
  if (tsia1 !== undefined) {
    for (const test of tsia1) {
      if (test.date > end) {
        closest.offerLate('TSI-TSIA1', 'tsia1', test.date);
        continue;
      }
      if (test.essay !== undefined && test.essay > tsia1Essay) tsia1Essay = test.essay;
      if (test.reading === undefined) continue;
      const evidence: Evidence = {
        source: 'tsia1',
        date: test.date,
        field: 'reading',
        value: test.reading,
        cut: cuts.tsia1_reading_min,
      };
      if (test.reading >= cuts.tsia1_reading_min)
        return outcome('TSI-TSIA1', true, 'met', evidence);
      closest.offer('TSI-TSIA1', test.reading / cuts.tsia1_reading_min, evidence);
    }
  }

  const tsia2 = checkTsia2Elar(record, params, end, tsia1Essay, closest);
  if (tsia2 !== null) return tsia2;

  const sat = record.sat;
  if (sat !== undefined) {
    for (const test of sat) {
      if (test.ebrw === undefined || test.date < cuts.sat_first_date) continue;
      if (test.date > end) {
        closest.offerLate('TSI-SAT', 'sat', test.date);
        continue;
      }
      const evidence: Evidence = {
        source: 'sat',
        date: test.date,
        field: 'ebrw',
        value: test.ebrw,
        cut: cuts.sat_ebrw_min,
      };
      if (test.ebrw >= cuts.sat_ebrw_min) return outcome('TSI-SAT', true, 'met', evidence);
      closest.offer('TSI-SAT', test.ebrw / cuts.sat_ebrw_min, evidence);
    }
  }

  const act = checkActEla(record, params, end, closest);
  if (act !== null) return act;

  return checkCollegePrep(record, params, 'ELA', closest) ?? closest.toOutcome();
}

/** TSI-TSIA2-ELAR and TSI-COMBO: best CRC, best diagnostic and best essay across sittings. */
function checkTsia2Elar(
  record: StudentRecord,
  params: YearParameters,
  end: string,
  tsia1Essay: number,
  closest: ClosestScore,
): Outcome | null {
  const tests = record.tsia2;
  if (tests === undefined || tests.length === 0) return null;
  const cuts = params.tsi;
  let crc = -1;
  let diag = -1;
  let essay = -1;
  let date = tests[0].date;
  for (const test of tests) {
    if (test.date > end) {
      closest.offerLate('TSI-TSIA2-ELAR', 'tsia2', test.date);
      continue;
    }
    if (test.elar_crc !== undefined && test.elar_crc > crc) {
      crc = test.elar_crc;
      date = test.date;
    }
    if (test.elar_diag !== undefined && test.elar_diag > diag) diag = test.elar_diag;
    if (test.essay !== undefined && test.essay > essay) essay = test.essay;
  }
  const isSectionMet = crc >= cuts.tsia2_elar_crc_min || diag >= cuts.tsia2_elar_diag_min;
  const evidence: Evidence = {
    source: 'tsia2',
    date,
    field: 'elar_crc',
    value: crc,
    cut: cuts.tsia2_elar_crc_min,
  };
  if (isSectionMet && essay >= cuts.tsia2_essay_min) {
    return outcome('TSI-TSIA2-ELAR', true, 'met', evidence);
  }
  if (isSectionMet && tsia1Essay >= cuts.tsia1_essay_min) {
    return outcome('TSI-COMBO', true, 'met', { ...evidence, field: 'elar_crc+tsia1_essay' });
  }
  if (isSectionMet) {
    // The section is met; the essay decided it.
    const best = Math.max(essay, tsia1Essay);
    closest.offer('TSI-TSIA2-ELAR', 0.99, {
      source: 'tsia2',
      date,
      field: 'essay',
      value: best,
      cut: cuts.tsia2_essay_min,
    });
  } else if (crc >= 0) {
    closest.offer('TSI-TSIA2-ELAR', crc / cuts.tsia2_elar_crc_min, evidence);
  }
  return null;
}

/** TSI-ACT-OLD (composite and English in one sitting) and TSI-ACT-NEW (English + Reading). */
function checkActEla(
  record: StudentRecord,
  params: YearParameters,
  end: string,
  closest: ClosestScore,
): Outcome | null {
  const tests = record.act;
  if (tests === undefined) return null;
  const cuts = params.tsi;
  for (const test of tests) {
    if (test.date > end) {
      closest.offerLate('TSI-ACT-NEW', 'act', test.date);
      continue;
    }
    const isNew = test.date >= cuts.act_new_from_date;
    if (!isNew && test.composite !== undefined && test.english !== undefined) {
      const evidence: Evidence = {
        source: 'act',
        date: test.date,
        field: 'composite+english',
        value: `${test.composite}/${test.english}`,
        cut: `${cuts.act_old_composite_min}/${cuts.act_old_english_min}`,
      };
      if (
        test.composite >= cuts.act_old_composite_min &&
        test.english >= cuts.act_old_english_min
      ) {
        return outcome('TSI-ACT-OLD', true, 'met', evidence);
      }
      const ratio = Math.min(
        test.composite / cuts.act_old_composite_min,
        test.english / cuts.act_old_english_min,
      );
      closest.offer('TSI-ACT-OLD', ratio, evidence);
    }
    const isNewBenchmarkUsable = isNew || cuts.act_new_benchmarks_apply_to_old_tests;
    if (isNewBenchmarkUsable && test.english !== undefined && test.reading !== undefined) {
      const sum = test.english + test.reading;
      const evidence: Evidence = {
        source: 'act',
        date: test.date,
        field: 'english+reading',
        value: sum,
        cut: cuts.act_new_english_reading_min,
      };
      if (sum >= cuts.act_new_english_reading_min) {
        return outcome('TSI-ACT-NEW', true, 'met', evidence);
      }
      closest.offer('TSI-ACT-NEW', sum / cuts.act_new_english_reading_min, evidence);
    }
  }
  return null;
}
