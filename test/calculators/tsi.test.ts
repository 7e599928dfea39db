import { strict as assert } from 'node:assert';
import { evaluate, explanationOf, graduate } from './support/records.js';
import type { StudentRecord } from '../../calculators/index.js';

/** Each row: a record, and the expected TSI ELA / math verdicts and deciding rules. */
interface TsiRow {
  name: string;
  record: StudentRecord;
  ela?: [boolean, string?];
  math?: [boolean, string?];
  overrides?: Parameters<typeof evaluate>[1];
}

const g = (fields: Partial<StudentRecord>, year = 2025) => graduate(year, fields);

const rows: TsiRow[] = [
  // TSI-TSIA1
  {
    name: 'TSIA1 reading 351 meets ELA',
    record: g({ tsia1: [{ date: '2021-11-05', reading: 351 }] }),
    ela: [true, 'TSI-TSIA1'],
  },
  {
    name: 'TSIA1 reading 350 misses ELA',
    record: g({ tsia1: [{ date: '2021-11-05', reading: 350 }] }),
    ela: [false, 'TSI-TSIA1'],
  },
  {
    name: 'TSIA1 math 350 meets math',
    record: g({ tsia1: [{ date: '2021-11-05', math: 350 }] }),
    math: [true, 'TSI-TSIA1'],
  },
  {
    name: 'TSIA1 math 349 misses math',
    record: g({ tsia1: [{ date: '2021-11-05', math: 349 }] }),
    math: [false, 'TSI-TSIA1'],
  },
  {
    name: 'TSIA1 reading 351 meets ELA even with essay 4',
    record: g({ tsia1: [{ date: '2021-11-05', reading: 351, essay: 4 }] }),
    ela: [true, 'TSI-TSIA1'],
  },
  // TSI-TSIA2-ELAR
  {
    name: 'TSIA2 ELAR CRC 945 with essay 5 meets ELA',
    record: g({ tsia2: [{ date: '2023-01-10', elar_crc: 945, essay: 5 }] }),
    ela: [true, 'TSI-TSIA2-ELAR'],
  },
  {
    name: 'TSIA2 ELAR CRC 944 with essay 5 and no diagnostic misses ELA',
    record: g({ tsia2: [{ date: '2023-01-10', elar_crc: 944, essay: 5 }] }),
    ela: [false],
  },
  {
    name: 'TSIA2 ELAR CRC 945 with essay 4 misses ELA',
    record: g({ tsia2: [{ date: '2023-01-10', elar_crc: 945, essay: 4 }] }),
    ela: [false],
  },
  {
    name: 'TSIA2 CRC below 945 with diagnostic 5 and essay 5 meets ELA',
    record: g({ tsia2: [{ date: '2023-01-10', elar_crc: 930, elar_diag: 5, essay: 5 }] }),
    ela: [true, 'TSI-TSIA2-ELAR'],
  },
  {
    name: 'TSIA2 CRC below 945 with diagnostic 4 misses ELA',
    record: g({ tsia2: [{ date: '2023-01-10', elar_crc: 930, elar_diag: 4, essay: 6 }] }),
    ela: [false],
  },
  {
    name: 'TSIA2 best CRC and best essay from different sittings combine',
    record: g({
      tsia2: [
        { date: '2023-01-10', elar_crc: 950, essay: 3 },
        { date: '2023-03-10', elar_crc: 920, essay: 6 },
      ],
    }),
    ela: [true, 'TSI-TSIA2-ELAR'],
  },
  // TSI-COMBO
  {
    name: 'TSIA2 CRC 945 with a TSIA1 essay 5 meets ELA by TSI-COMBO',
    record: g({
      tsia2: [{ date: '2023-01-10', elar_crc: 945 }],
      tsia1: [{ date: '2020-05-01', essay: 5 }],
    }),
    ela: [true, 'TSI-COMBO'],
  },
  {
    name: 'TSIA2 CRC 945 with a TSIA1 essay 4 misses ELA',
    record: g({
      tsia2: [{ date: '2023-01-10', elar_crc: 945 }],
      tsia1: [{ date: '2020-05-01', essay: 4 }],
    }),
    ela: [false],
  },
  // TSI-TSIA2-MATH
  {
    name: 'TSIA2 math CRC 950 meets math',
    record: g({ tsia2: [{ date: '2023-01-10', math_crc: 950 }] }),
    math: [true, 'TSI-TSIA2-MATH'],
  },
  {
    name: 'TSIA2 math CRC 949 misses math',
    record: g({ tsia2: [{ date: '2023-01-10', math_crc: 949 }] }),
    math: [false, 'TSI-TSIA2-MATH'],
  },
  {
    name: 'TSIA2 math diagnostic 6 meets math',
    record: g({ tsia2: [{ date: '2023-01-10', math_crc: 940, math_diag: 6 }] }),
    math: [true, 'TSI-TSIA2-MATH'],
  },
  {
    name: 'TSIA2 math diagnostic 5 misses math',
    record: g({ tsia2: [{ date: '2023-01-10', math_crc: 940, math_diag: 5 }] }),
    math: [false, 'TSI-TSIA2-MATH'],
  },
  // TSI-SAT
  {
    name: 'SAT EBRW 480 meets ELA',
    record: g({ sat: [{ date: '2023-10-07', ebrw: 480 }] }),
    ela: [true, 'TSI-SAT'],
  },
  {
    name: 'SAT EBRW 479 misses ELA',
    record: g({ sat: [{ date: '2023-10-07', ebrw: 479 }] }),
    ela: [false, 'TSI-SAT'],
  },
  {
    name: 'SAT math 530 meets math',
    record: g({ sat: [{ date: '2023-10-07', math: 530 }] }),
    math: [true, 'TSI-SAT'],
  },
  {
    name: 'SAT math 529 misses math',
    record: g({ sat: [{ date: '2023-10-07', math: 529 }] }),
    math: [false, 'TSI-SAT'],
  },
  {
    name: 'an SAT taken on the graduation date counts',
    record: g({ sat: [{ date: '2024-05-24', ebrw: 480, math: 530 }] }),
    ela: [true, 'TSI-SAT'],
    math: [true, 'TSI-SAT'],
  },
  {
    name: 'an SAT taken the day after graduation does not count',
    record: g({ sat: [{ date: '2024-05-25', ebrw: 480, math: 530 }] }),
    ela: [false, 'TSI-SAT'],
    math: [false, 'TSI-SAT'],
  },
  {
    name: 'an SAT after graduation counts where the district sets no TSI window end',
    record: g({ sat: [{ date: '2024-06-01', ebrw: 480, math: 530 }] }),
    ela: [true, 'TSI-SAT'],
    math: [true, 'TSI-SAT'],
    overrides: { windows: { tsi_end: 'none' } },
  },
  {
    name: 'an SAT taken before 2016-03-05 does not count',
    record: g({ sat: [{ date: '2016-03-04', ebrw: 700, math: 700 }] }, 2023),
    ela: [false],
    math: [false],
  },
  // TSI-ACT-OLD
  {
    name: 'old ACT composite 23 with English 19 meets ELA',
    record: g({ act: [{ date: '2022-06-11', composite: 23, english: 19, reading: 15 }] }),
    ela: [true, 'TSI-ACT-OLD'],
  },
  {
    name: 'old ACT composite 22 with English 19 misses ELA',
    record: g({ act: [{ date: '2022-06-11', composite: 22, english: 19, reading: 15 }] }),
    ela: [false],
  },
  {
    name: 'old ACT composite 23 with math 19 meets math',
    record: g({ act: [{ date: '2022-06-11', composite: 23, math: 19 }] }),
    math: [true, 'TSI-ACT-OLD'],
  },
  {
    name: 'old ACT composite 22 with math 19 misses math',
    record: g({ act: [{ date: '2022-06-11', composite: 22, math: 19 }] }),
    math: [false],
  },
  {
    name: 'old ACT composite and English from different sittings do not combine',
    record: g({
      act: [
        { date: '2022-04-09', composite: 23, english: 18, reading: 10 },
        { date: '2022-06-11', composite: 20, english: 19, reading: 10 },
      ],
    }),
    ela: [false],
  },
  // TSI-ACT-NEW
  {
    name: 'new ACT English + Reading 40 meets ELA',
    record: g({ act: [{ date: '2023-09-09', english: 20, reading: 20 }] }),
    ela: [true, 'TSI-ACT-NEW'],
  },
  {
    name: 'new ACT English + Reading 39 misses ELA',
    record: g({ act: [{ date: '2023-09-09', english: 20, reading: 19 }] }),
    ela: [false, 'TSI-ACT-NEW'],
  },
  {
    name: 'new ACT English and Reading from different sittings are not summed',
    record: g({
      act: [
        { date: '2023-09-09', english: 21, reading: 18 },
        { date: '2023-10-28', english: 18, reading: 21 },
      ],
    }),
    ela: [false],
  },
  {
    name: 'new ACT math 22 meets math',
    record: g({ act: [{ date: '2023-09-09', math: 22 }] }),
    math: [true, 'TSI-ACT-NEW'],
  },
  {
    name: 'new ACT math 21 misses math',
    record: g({ act: [{ date: '2023-09-09', math: 21 }] }),
    math: [false, 'TSI-ACT-NEW'],
  },
  {
    name: 'an ACT taken on 2023-02-15 uses the new benchmarks',
    record: g({ act: [{ date: '2023-02-15', composite: 23, english: 19, reading: 15, math: 19 }] }),
    ela: [false],
    math: [false],
  },
  {
    name: 'the new benchmarks also apply to an old ACT by default',
    record: g({ act: [{ date: '2022-06-11', composite: 18, english: 20, reading: 20, math: 22 }] }),
    ela: [true, 'TSI-ACT-NEW'],
    math: [true, 'TSI-ACT-NEW'],
  },
  {
    name: 'a district can stop applying the new benchmarks to old ACTs',
    record: g({ act: [{ date: '2022-06-11', composite: 18, english: 20, reading: 20, math: 22 }] }),
    ela: [false],
    math: [false],
    overrides: { tsi: { act_new_benchmarks_apply_to_old_tests: false } },
  },
  // TSI-CPC, TSI-CPC-YEAR, TSI-CPC-PROVIDER
  {
    name: 'a completed ELA college prep course meets ELA in 2025',
    record: g({ college_prep: [{ subject: 'ELA', completed_with_credit: true, grade_level: 10 }] }),
    ela: [true, 'TSI-CPC'],
  },
  {
    name: 'a college prep course without credit does not count',
    record: g({
      college_prep: [{ subject: 'MATH', completed_with_credit: false, grade_level: 12 }],
    }),
    math: [false],
  },
  {
    name: 'a grade-10 course misses in 2026 (grade 11 or 12 only)',
    record: g(
      { college_prep: [{ subject: 'MATH', completed_with_credit: true, grade_level: 10 }] },
      2026,
    ),
    math: [false, 'TSI-CPC-YEAR'],
  },
  {
    name: 'a grade-11 course meets in 2026',
    record: g(
      { college_prep: [{ subject: 'MATH', completed_with_credit: true, grade_level: 11 }] },
      2026,
    ),
    math: [true, 'TSI-CPC'],
  },
  {
    name: 'a grade-11 course misses in 2027 (grade 12 only)',
    record: g(
      { college_prep: [{ subject: 'ELA', completed_with_credit: true, grade_level: 11 }] },
      2027,
    ),
    ela: [false, 'TSI-CPC-YEAR'],
  },
  {
    name: 'a grade-12 course meets in 2027',
    record: g(
      { college_prep: [{ subject: 'ELA', completed_with_credit: true, grade_level: 12 }] },
      2027,
    ),
    ela: [true, 'TSI-CPC'],
  },
  {
    name: 'with the provider list required, a course from an unapproved provider misses',
    record: g(
      {
        college_prep: [
          {
            subject: 'ELA',
            completed_with_credit: true,
            grade_level: 12,
            approved_provider: false,
          },
        ],
      },
      2027,
    ),
    ela: [false, 'TSI-CPC-PROVIDER'],
    overrides: { college_prep: { approved_provider_required: true } },
  },
];

describe('TSI readiness by instrument (ccmr-rules.md §4.1), at the cut and just below', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = evaluate(row.record, row.overrides);
      const tsi = explanationOf(result, 'COL-TSI');
      if (row.ela !== undefined) {
        assert.equal(result.tsi_ela_met, row.ela[0]);
        if (row.ela[1] !== undefined) assert.equal(tsi.parts?.ela.rule_id, row.ela[1]);
      }
      if (row.math !== undefined) {
        assert.equal(result.tsi_math_met, row.math[0]);
        if (row.math[1] !== undefined) assert.equal(tsi.parts?.math.rule_id, row.math[1]);
      }
    });
  }
});

describe('TSI-BOTH and TSI-WINDOW', () => {
  it('credits COL-TSI when ELA and math are met on different instruments', () => {
    const result = evaluate(
      graduate(2025, {
        sat: [{ date: '2023-10-07', ebrw: 500, math: 400 }],
        college_prep: [{ subject: 'MATH', completed_with_credit: true, grade_level: 12 }],
      }),
    );
    assert.deepEqual(result.credited_indicators, ['COL-TSI']);
    assert.equal(explanationOf(result, 'COL-TSI').parts?.math.rule_id, 'TSI-CPC');
  });

  it('does not credit COL-TSI when only one subject is met', () => {
    const result = evaluate(
      graduate(2025, { sat: [{ date: '2023-10-07', ebrw: 500, math: 520 }] }),
    );
    assert.equal(result.ccmr_met, false);
    const tsi = explanationOf(result, 'COL-TSI');
    assert.equal(tsi.is_met, false);
    assert.deepEqual(tsi.parts?.math.evidence, {
      source: 'sat',
      date: '2023-10-07',
      field: 'math',
      value: 520,
      cut: 530,
    });
  });

  it('counts a TSI score earned before grade 9', () => {
    const result = evaluate(
      graduate(2025, { tsia2: [{ date: '2019-04-15', elar_crc: 950, essay: 5, math_crc: 955 }] }),
    );
    assert.deepEqual(result.credited_indicators, ['COL-TSI']);
  });

  it('explains a subject with no scores at all as no evidence', () => {
    const result = evaluate(graduate(2025));
    assert.equal(explanationOf(result, 'COL-TSI').parts?.ela.reason, 'no_evidence');
  });
});
