import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  addEvidence,
  aggregateCcmrRate,
  computeOutcomesBonus,
  parametersFor,
  type HypotheticalEvidence,
  type RosterEntry,
  type StudentRecord,
} from '../../calculators/index.js';
import { evaluate, graduate } from './support/records.js';

/** A date from grade 8 to after graduation of a class-of-(year − 1) student. */
const dateFor = (year: number) =>
  fc.integer({ min: 0, max: 365 * 6 }).map((days) => {
    const start = Date.UTC(year - 6, 0, 1);
    return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
  });

/** Evidence arrays for a student of `year`, any mix, any scores. */
function evidenceFor(year: number): fc.Arbitrary<HypotheticalEvidence> {
  const date = dateFor(year);
  return fc.record(
    {
      sat: fc.array(
        fc.record({
          date,
          ebrw: fc.integer({ min: 200, max: 800 }),
          math: fc.integer({ min: 200, max: 800 }),
        }),
        { maxLength: 2 },
      ),
      act: fc.array(
        fc.record({
          date,
          english: fc.integer({ min: 1, max: 36 }),
          reading: fc.integer({ min: 1, max: 36 }),
          math: fc.integer({ min: 1, max: 36 }),
          composite: fc.integer({ min: 1, max: 36 }),
        }),
        { maxLength: 2 },
      ),
      tsia1: fc.array(
        fc.record({
          date,
          reading: fc.integer({ min: 310, max: 390 }),
          math: fc.integer({ min: 310, max: 390 }),
          essay: fc.integer({ min: 0, max: 8 }),
        }),
        { maxLength: 1 },
      ),
      tsia2: fc.array(
        fc.record({
          date,
          elar_crc: fc.integer({ min: 910, max: 990 }),
          elar_diag: fc.integer({ min: 1, max: 6 }),
          essay: fc.integer({ min: 0, max: 8 }),
          math_crc: fc.integer({ min: 910, max: 990 }),
          math_diag: fc.integer({ min: 1, max: 6 }),
        }),
        { maxLength: 2 },
      ),
      college_prep: fc.array(
        fc.record({
          subject: fc.constantFrom('ELA' as const, 'MATH' as const),
          completed_with_credit: fc.boolean(),
          grade_level: fc.integer({ min: 9, max: 12 }),
        }),
        { maxLength: 2 },
      ),
      ap_exams: fc.array(
        fc.record({ date, subject: fc.constant('AP'), score: fc.integer({ min: 1, max: 5 }) }),
        { maxLength: 2 },
      ),
      ib_exams: fc.array(
        fc.record({ date, subject: fc.constant('IB'), score: fc.integer({ min: 1, max: 7 }) }),
        { maxLength: 1 },
      ),
      dual_credit_courses: fc.array(
        fc.record({
          subject: fc.constantFrom('ELA' as const, 'MATH' as const, 'OTHER' as const),
          hours: fc.integer({ min: 1, max: 4 }),
          credit_earned: fc.boolean(),
          completion_date: date,
        }),
        { maxLength: 4 },
      ),
      onramps: fc.array(
        fc.record({ completion_date: date, qualified_hours: fc.integer({ min: 0, max: 4 }) }),
        { maxLength: 1 },
      ),
      ibc_earned: fc.array(
        fc.record({
          code: fc.constantFrom('A', 'B'),
          lists: fc.subarray(['2019-2022', '2022-2025', '2025-2030'], { minLength: 1 }),
          earned_date: date,
          result_code: fc.constantFrom('01', '02', '03'),
          aligned_pos_status: fc.constantFrom(
            'none' as const,
            'level2_course' as const,
            'concentrator' as const,
            'completer' as const,
          ),
        }),
        { maxLength: 2 },
      ),
      level_certificates: fc.array(
        fc.record({ level: fc.constantFrom('I' as const, 'II' as const), award_date: date }),
        { maxLength: 1 },
      ),
    },
    { requiredKeys: [] },
  );
}

const studentAndExtra = fc.integer({ min: 2023, max: 2027 }).chain((year) =>
  fc.record({
    year: fc.constant(year),
    base: evidenceFor(year),
    extra: evidenceFor(year),
    isEnrolled: fc.boolean(),
    addsEnrolment: fc.boolean(),
    isSped: fc.boolean(),
    isEd: fc.boolean(),
  }),
);

describe('properties of the calculators', () => {
  it('adding evidence never lowers readiness: credited indicators and OB eligibility only grow', () => {
    fc.assert(
      fc.property(
        studentAndExtra,
        ({ year, base, extra, isEnrolled, addsEnrolment, isSped, isEd }) => {
          const record: StudentRecord = addEvidence(
            graduate(year, {
              ps_enrolled_by_10th_day_fall: isEnrolled,
              sped_in_graduation_year: isSped,
              econ_disadv: isEd,
            }),
            base,
          );
          const more = addEvidence(record, {
            ...extra,
            ps_enrolled_by_10th_day_fall: isEnrolled || addsEnrolment,
          });
          const before = evaluate(record);
          const after = evaluate(more);
          for (const indicator of before.credited_indicators) {
            assert.ok(after.credited_indicators.includes(indicator), `${indicator} lost`);
          }
          if (before.tsi_ela_met) assert.ok(after.tsi_ela_met);
          if (before.tsi_math_met) assert.ok(after.tsi_math_met);
          if (before.outcomes_bonus.eligible) assert.ok(after.outcomes_bonus.eligible);
          assert.ok(after.outcomes_bonus.amount >= before.outcomes_bonus.amount);
        },
      ),
      { numRuns: 400 },
    );
  });

  const rosterEntry: fc.Arbitrary<RosterEntry> = fc
    .record({
      graduated: fc.boolean(),
      ccmr_met: fc.boolean(),
      sunsetting_only: fc.boolean(),
    })
    .map((entry) => ({ ...entry, sunsetting_only: entry.ccmr_met && entry.sunsetting_only }));

  it('the campus rate never falls when one more student becomes ready', () => {
    fc.assert(
      fc.property(
        fc.array(rosterEntry, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 2023, max: 2027 }),
        (roster, pick, viaSunset, year) => {
          const index = pick % roster.length;
          if (roster[index].ccmr_met) return;
          const params = parametersFor(year);
          const before = aggregateCcmrRate(roster, params);
          const changed = roster.map((entry, i) =>
            i === index ? { ...entry, ccmr_met: true, sunsetting_only: viaSunset } : entry,
          );
          const after = aggregateCcmrRate(changed, params);
          assert.ok(after.numerator >= before.numerator);
          assert.ok((after.ccmr_rate_pct ?? 0) >= (before.ccmr_rate_pct ?? 0));
          assert.ok((after.component_score ?? 0) >= (before.component_score ?? 0));
          assert.ok(after.closing_gaps.numerator >= before.closing_gaps.numerator);
        },
      ),
      { numRuns: 500 },
    );
  });

  const cohort = fc.integer({ min: 0, max: 5000 }).chain((graduates) =>
    fc.record({
      graduates: fc.constant(graduates),
      ready: fc.integer({ min: 0, max: graduates }),
    }),
  );

  it('the Outcomes Bonus total equals the sum over cohorts, each above-minimum count times its award', () => {
    fc.assert(
      fc.property(
        cohort,
        cohort,
        cohort,
        fc.constantFrom('ceil' as const, 'floor' as const),
        (ED, NONED, SPED, rounding) => {
          const params = parametersFor(2025);
          const bonus = computeOutcomesBonus({ ED, NONED, SPED }, params, rounding);
          assert.equal(bonus.total, bonus.ED.bonus + bonus.NONED.bonus + bonus.SPED.bonus);
          for (const key of ['ED', 'NONED', 'SPED'] as const) {
            assert.ok(bonus[key].above >= 0);
            assert.equal(
              bonus[key].bonus,
              bonus[key].above * params.outcomes_bonus.awards_usd[key],
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
