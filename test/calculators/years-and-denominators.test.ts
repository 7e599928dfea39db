import { strict as assert } from 'node:assert';
import {
  SUPPORTED_YEARS,
  accountabilityYearFor,
  mergeParameters,
  parametersFor,
  windowOf,
  type StudentRecord,
} from '../../calculators/index.js';
import { evaluate, graduate } from './support/records.js';

describe('each accountability year 2023 to 2027', () => {
  it('has a parameter row for every year from 2023 to 2027', () => {
    assert.deepEqual([...SUPPORTED_YEARS], [2023, 2024, 2025, 2026, 2027]);
  });

  const yearRows: Array<{
    year: number;
    military: boolean;
    lists: string[];
    pos: string;
    cpc: number[];
    cap: boolean;
  }> = [
    {
      year: 2023,
      military: false,
      lists: ['2019-2022'],
      pos: 'none',
      cpc: [9, 10, 11, 12],
      cap: true,
    },
    {
      year: 2024,
      military: true,
      lists: ['2019-2022', '2022-2025'],
      pos: 'none',
      cpc: [9, 10, 11, 12],
      cap: true,
    },
    {
      year: 2025,
      military: true,
      lists: ['2019-2022', '2022-2025'],
      pos: 'level2_course',
      cpc: [9, 10, 11, 12],
      cap: true,
    },
    {
      year: 2026,
      military: true,
      lists: ['2022-2025'],
      pos: 'concentrator',
      cpc: [11, 12],
      cap: true,
    },
    {
      year: 2027,
      military: true,
      lists: ['2022-2025', '2025-2030'],
      pos: 'completer',
      cpc: [12],
      cap: false,
    },
  ];
  for (const row of yearRows) {
    it(`applies the ${row.year} row of §2 and credits a TSI graduate of the class of ${row.year - 1}`, () => {
      const p = parametersFor(row.year);
      assert.equal(p.military.credited, row.military);
      assert.deepEqual(p.ibc.allowed_lists, row.lists);
      assert.equal(p.ibc.pos_required, row.pos);
      assert.deepEqual(p.college_prep.allowed_grade_levels, row.cpc);
      assert.equal(p.aggregation.sunset_cap_applies, row.cap);
      assert.equal(p.aggregation.cut_scores.A, 88);
      const result = evaluate(
        graduate(row.year, { sat: [{ date: `${row.year - 2}-10-07`, ebrw: 480, math: 530 }] }),
      );
      assert.deepEqual(result.credited_indicators, ['COL-TSI']);
      assert.equal(result.accountability_year, row.year);
    });
  }

  it('uses DMDC data for enlistment from 2026 only', () => {
    assert.equal(parametersFor(2025).military.evidence, 'dd4');
    assert.equal(parametersFor(2026).military.evidence, 'dmdc_or_dd4');
  });
});

describe('time model (Y-MAP, WIN-HS)', () => {
  it('maps a May 2024 graduation to accountability year 2025', () => {
    assert.equal(accountabilityYearFor('2024-05-24'), 2025);
  });

  it('maps a December 2024 graduation to the next school year, 2026', () => {
    assert.equal(accountabilityYearFor('2024-12-15'), 2026);
  });

  it('ends the credential window on August 31 and the enlistment window on December 31 after graduation', () => {
    const window = windowOf(graduate(2025));
    assert.equal(window.start, '2020-08-17');
    assert.equal(window.end, '2024-05-24');
    assert.equal(window.august31After, '2024-08-31');
    assert.equal(window.december31After, '2024-12-31');
  });

  it('moves the August 31 deadline to the next year for a graduation after August', () => {
    const window = windowOf(graduate(2026, { graduation_date: '2024-12-15' }));
    assert.equal(window.august31After, '2025-08-31');
    assert.equal(window.december31After, '2024-12-31');
  });

  it('ends a non-graduate window on the school year end date', () => {
    const window = windowOf(
      graduate(2025, { graduated: false, school_year_end_date: '2024-05-30' }),
    );
    assert.equal(window.end, '2024-05-30');
  });
});

describe('denominators (DEN-SA, DEN-CTG)', () => {
  const nonGraduate = (fields: Partial<StudentRecord>) =>
    graduate(2025, {
      graduated: false,
      graduation_date: null,
      school_year_end_date: '2024-05-30',
      ...fields,
    });

  it('puts a graduate in both denominators', () => {
    const result = evaluate(graduate(2025));
    assert.equal(result.in_student_achievement_denominator, true);
    assert.equal(result.in_closing_gaps_denominator, true);
  });

  it('puts a grade-12 non-graduate present in the last six weeks in Closing the Gaps only', () => {
    const result = evaluate(nonGraduate({ grade12_attended_last_six_weeks: true }));
    assert.equal(result.in_student_achievement_denominator, false);
    assert.equal(result.in_closing_gaps_denominator, true);
  });

  it('leaves out a non-graduate absent in the last six weeks', () => {
    assert.equal(
      evaluate(nonGraduate({ grade12_attended_last_six_weeks: false })).in_closing_gaps_denominator,
      false,
    );
  });

  it('leaves out an IEP continuer unless the district counts them', () => {
    const record = nonGraduate({ grade12_attended_last_six_weeks: true, iep_continuer: true });
    assert.equal(evaluate(record).in_closing_gaps_denominator, false);
    assert.equal(
      evaluate(record, { aggregation: { ctg_exclude_iep_continuers: false } })
        .in_closing_gaps_denominator,
      true,
    );
  });

  it('leaves out a student reported at more than one campus in the last six weeks', () => {
    const record = nonGraduate({
      grade12_attended_last_six_weeks: true,
      multiple_campuses_last_six_weeks: true,
    });
    assert.equal(evaluate(record).in_closing_gaps_denominator, false);
  });
});

describe('district parameter overrides', () => {
  it('merges nested values and keeps the rest of the row', () => {
    const p = parametersFor(2026, {
      ibc: { sunsetting_credited: true },
      aggregation: { cut_scores: { B: 80 } },
    });
    assert.equal(p.ibc.sunsetting_credited, true);
    assert.equal(p.ibc.pos_required, 'concentrator');
    assert.deepEqual(p.aggregation.cut_scores, { A: 88, B: 80, C: 67, D: 56 });
  });

  it('does not change the shared table row', () => {
    parametersFor(2026, { ibc: { sunsetting_credited: true } });
    assert.equal(parametersFor(2026).ibc.sunsetting_credited, false);
  });

  it('refuses an unknown key so a misspelt setting is never ignored', () => {
    assert.throws(() => parametersFor(2025, { tsi: { sat_ebrw: 470 } } as never), TypeError);
  });

  it('refuses a value of the wrong type', () => {
    assert.throws(() => parametersFor(2025, { tsi: { sat_ebrw_min: '470' } } as never), TypeError);
  });

  it('refuses a year without a row', () => {
    assert.throws(() => parametersFor(2028), RangeError);
  });

  it('lets a district add a list with its effective date', () => {
    const p = mergeParameters(parametersFor(2027), {
      ibc: { list_effective_dates: { '2030-2035': '2030-09-01' } },
    });
    assert.equal(p.ibc.list_effective_dates['2030-2035'], '2030-09-01');
    assert.equal(p.ibc.list_effective_dates['2025-2030'], '2025-09-01');
  });
});
