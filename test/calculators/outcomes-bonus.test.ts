import { strict as assert } from 'node:assert';
import {
  computeOutcomesBonus,
  countOutcomesBonusCohorts,
  parametersFor,
  type StudentRecord,
} from '../../calculators/index.js';
import { evaluate, graduate } from './support/records.js';

const g = (fields: Partial<StudentRecord>, year = 2025) => graduate(year, fields);
const satBoth = [{ date: '2023-10-07', ebrw: 500, math: 550 }];

describe('Outcomes Bonus for one graduate (OB-ELIG, OB-COHORT, OB-TSI, OB-COL, OB-CAR, OB-MIL, OB-AMT)', () => {
  it('counts TSI plus enrolment by the 10th day of fall as college, $3,000 for a non-ED graduate', () => {
    const ob = evaluate(g({ sat: satBoth, ps_enrolled_by_10th_day_fall: true })).outcomes_bonus;
    assert.deepEqual(ob, {
      eligible: true,
      category: ['college'],
      cohorts: ['NONED'],
      amount: 3000,
    });
  });

  it('does not count TSI without enrolment', () => {
    assert.equal(evaluate(g({ sat: satBoth })).outcomes_bonus.eligible, false);
  });

  it('does not count a college prep course toward OB-TSI', () => {
    const result = evaluate(
      g({
        sat: [{ date: '2023-10-07', ebrw: 500, math: 400 }],
        college_prep: [{ subject: 'MATH', completed_with_credit: true, grade_level: 12 }],
        ps_enrolled_by_10th_day_fall: true,
      }),
    );
    assert.equal(result.ccmr_met, true);
    assert.equal(result.outcomes_bonus.eligible, false);
  });

  it('counts an associate degree by August 31 without TSI', () => {
    const ob = evaluate(
      g({ associate_degree_date: '2024-08-31', econ_disadv: true }),
    ).outcomes_bonus;
    assert.deepEqual(ob, { eligible: true, category: ['college'], cohorts: ['ED'], amount: 5000 });
  });

  it('counts TSI plus an IBC earned between graduation and August 31 as career, though accountability does not', () => {
    const result = evaluate(
      g({
        sat: [
          { date: '2023-10-07', ebrw: 470, math: 550 },
          { date: '2024-03-09', ebrw: 480 },
        ],
        ibc_earned: [
          {
            code: 'IBC-Q',
            lists: ['2022-2025'],
            earned_date: '2024-07-15',
            result_code: '01',
            aligned_pos_status: 'none',
          },
        ],
      }),
    );
    assert.deepEqual(result.outcomes_bonus.category, ['career']);
    assert.deepEqual(result.credited_indicators, ['COL-TSI']);
  });

  it('does not count an IBC earned after August 31 for the career route', () => {
    const result = evaluate(
      g({
        sat: satBoth,
        ibc_earned: [
          {
            code: 'IBC-Q',
            lists: ['2022-2025'],
            earned_date: '2024-09-01',
            result_code: '01',
            aligned_pos_status: 'completer',
          },
        ],
      }),
    );
    assert.equal(result.outcomes_bonus.eligible, false);
  });

  it('counts TSI plus a Level I certificate as career', () => {
    const ob = evaluate(
      g({ sat: satBoth, level_certificates: [{ level: 'I', award_date: '2024-08-01' }] }),
    ).outcomes_bonus;
    assert.deepEqual(ob.category, ['career']);
  });

  it('keeps the August 31 certificate deadline for the bonus when accountability ends at graduation', () => {
    const result = evaluate(
      g({ sat: satBoth, level_certificates: [{ level: 'I', award_date: '2024-07-01' }] }),
      {
        windows: { level_certificate_end: 'graduation' },
      },
    );
    assert.equal(result.credited_indicators.includes('CAR-LVL'), false);
    assert.deepEqual(result.outcomes_bonus.category, ['career']);
  });

  it('counts a documented enlistment as military, $7,000 for an ED special education graduate', () => {
    const ob = evaluate(
      g({
        econ_disadv: true,
        sped_in_graduation_year: true,
        enlistment: {
          date: '2024-11-15',
          component: 'active',
          dd4_complete: true,
          dmdc_match: false,
        },
      }),
    ).outcomes_bonus;
    assert.deepEqual(ob, {
      eligible: true,
      category: ['military'],
      cohorts: ['ED', 'SPED'],
      amount: 7000,
    });
  });

  it('gives no military credit for the class of 2022', () => {
    const ob = evaluate(
      g(
        {
          enlistment: {
            date: '2022-06-01',
            component: 'active',
            dd4_complete: true,
            dmdc_match: true,
          },
        },
        2023,
      ),
    ).outcomes_bonus;
    assert.equal(ob.eligible, false);
  });

  it('lists every category a graduate satisfies', () => {
    const ob = evaluate(
      g({
        sat: satBoth,
        ps_enrolled_by_10th_day_fall: true,
        level_certificates: [{ level: 'II', award_date: '2024-05-01' }],
        enlistment: {
          date: '2024-06-01',
          component: 'active',
          dd4_complete: true,
          dmdc_match: false,
        },
      }),
    ).outcomes_bonus;
    assert.deepEqual(ob.category, ['college', 'career', 'military']);
    assert.equal(ob.amount, 3000);
  });

  it('gives a non-graduate no cohort and no amount', () => {
    const ob = evaluate(
      g({
        graduated: false,
        school_year_end_date: '2024-05-30',
        sat: satBoth,
        ps_enrolled_by_10th_day_fall: true,
      }),
    ).outcomes_bonus;
    assert.deepEqual(ob, { eligible: false, category: [], cohorts: [], amount: 0 });
  });

  it('explains a missing DD Form 4 on the military route with MIL-DOC', () => {
    const result = evaluate(
      g({
        enlistment: {
          date: '2024-06-20',
          component: 'active',
          dd4_complete: false,
          dmdc_match: false,
        },
      }),
    );
    const military = result.explanations.outcomes_bonus[2];
    assert.equal(military.rule_id, 'MIL-DOC');
    assert.equal(military.reason, 'documentation_missing');
  });

  it('explains that a college prep course is not an assessment for OB-TSI', () => {
    const result = evaluate(
      g({
        sat: [{ date: '2023-10-07', ebrw: 500, math: 400 }],
        college_prep: [{ subject: 'MATH', completed_with_credit: true, grade_level: 12 }],
        ps_enrolled_by_10th_day_fall: true,
      }),
    );
    const college = result.explanations.outcomes_bonus[0];
    assert.equal(college.rule_id, 'OB-TSI');
    assert.equal(college.reason, 'course_not_assessment');
  });

  it('uses a district-set special education award', () => {
    const ob = evaluate(
      g({ sped_in_graduation_year: true, sat: satBoth, ps_enrolled_by_10th_day_fall: true }),
      {
        outcomes_bonus: { awards_usd: { SPED: 4000 } },
      },
    ).outcomes_bonus;
    assert.equal(ob.amount, 7000);
  });
});

describe('district Outcomes Bonus (OB-THRESH, OB-MIN, OB-AMT, OB-CALC)', () => {
  const counts = {
    ED: { graduates: 100, ready: 20 },
    NONED: { graduates: 50, ready: 15 },
    SPED: { graduates: 12, ready: 4 },
  };

  it('reproduces the worked example of §5: $62,000', () => {
    const bonus = computeOutcomesBonus(counts, parametersFor(2025));
    assert.deepEqual(bonus.ED, { N: 100, ready: 20, min_count: 11, above: 9, bonus: 45000 });
    assert.deepEqual(bonus.NONED, { N: 50, ready: 15, min_count: 12, above: 3, bonus: 9000 });
    assert.deepEqual(bonus.SPED, { N: 12, ready: 4, min_count: 0, above: 4, bonus: 8000 });
    assert.equal(bonus.total, 62000);
  });

  it('rounds the minimum up by default and down on request', () => {
    const odd = {
      ED: { graduates: 101, ready: 12 },
      NONED: { graduates: 0, ready: 0 },
      SPED: { graduates: 0, ready: 0 },
    };
    assert.equal(computeOutcomesBonus(odd, parametersFor(2025)).ED.min_count, 12);
    assert.equal(computeOutcomesBonus(odd, parametersFor(2025), 'floor').ED.min_count, 11);
  });

  it('pays nothing for a cohort below its minimum', () => {
    const low = {
      ED: { graduates: 100, ready: 10 },
      NONED: { graduates: 0, ready: 0 },
      SPED: { graduates: 0, ready: 0 },
    };
    const bonus = computeOutcomesBonus(low, parametersFor(2025));
    assert.equal(bonus.ED.above, 0);
    assert.equal(bonus.total, 0);
  });

  it('counts a special education graduate in ED or NONED and in SPED', () => {
    const results = [
      evaluate(
        g({
          econ_disadv: true,
          sped_in_graduation_year: true,
          associate_degree_date: '2024-05-01',
        }),
      ),
      evaluate(g({ econ_disadv: false })),
    ];
    assert.deepEqual(countOutcomesBonusCohorts(results), {
      ED: { graduates: 1, ready: 1 },
      NONED: { graduates: 1, ready: 0 },
      SPED: { graduates: 1, ready: 1 },
    });
  });
});
