import { strict as assert } from 'node:assert';
import { describeRuleTable, evaluate, graduate, type RuleRow } from './support/records.js';
import type { IbcResult, StudentRecord } from '../../calculators/index.js';

const g = (fields: Partial<StudentRecord>, year = 2025) => graduate(year, fields);
const ibc = (fields: Partial<IbcResult>): IbcResult => ({
  code: 'IBC-X',
  lists: ['2022-2025'],
  earned_date: '2024-03-01',
  result_code: '01',
  aligned_pos_status: 'completer',
  ...fields,
});

/** Rows per career and military indicator; 2025 graduates (class of 2024) unless stated. */
const tables: Record<string, RuleRow[]> = {
  'CAR-IBC': [
    {
      name: 'an earned IBC (result 01) on an allowed list with the POS level is credited',
      record: g({ ibc_earned: [ibc({ aligned_pos_status: 'level2_course' })] }),
      isCredited: true,
    },
    {
      name: 'result code 02 is not (CAR-IBC-EARNED)',
      record: g({ ibc_earned: [ibc({ result_code: '02' })] }),
      isCredited: false,
      ruleId: 'CAR-IBC-EARNED',
    },
    {
      name: 'no aligned POS course is not credited in 2025 (CAR-IBC-POS)',
      record: g({ ibc_earned: [ibc({ aligned_pos_status: 'none' })] }),
      isCredited: false,
      ruleId: 'CAR-IBC-POS',
    },
    {
      name: 'no aligned POS course is credited in 2024',
      record: g(
        { ibc_earned: [ibc({ aligned_pos_status: 'none', earned_date: '2023-03-01' })] },
        2024,
      ),
      isCredited: true,
    },
    {
      name: 'a concentrator is credited in 2026',
      record: g(
        { ibc_earned: [ibc({ aligned_pos_status: 'concentrator', earned_date: '2025-03-01' })] },
        2026,
      ),
      isCredited: true,
    },
    {
      name: 'a level-2 course alone is not in 2026',
      record: g(
        { ibc_earned: [ibc({ aligned_pos_status: 'level2_course', earned_date: '2025-03-01' })] },
        2026,
      ),
      isCredited: false,
      ruleId: 'CAR-IBC-POS',
    },
    {
      name: 'a completer is credited in 2027',
      record: g(
        { ibc_earned: [ibc({ aligned_pos_status: 'completer', earned_date: '2026-03-01' })] },
        2027,
      ),
      isCredited: true,
    },
    {
      name: 'a concentrator is not in 2027',
      record: g(
        { ibc_earned: [ibc({ aligned_pos_status: 'concentrator', earned_date: '2026-03-01' })] },
        2027,
      ),
      isCredited: false,
      ruleId: 'CAR-IBC-POS',
    },
    {
      name: 'a 2022-2025-only IBC is not on the 2023 list (CAR-IBC-LIST)',
      record: g({ ibc_earned: [ibc({ earned_date: '2022-03-01' })] }, 2023),
      isCredited: false,
      ruleId: 'CAR-IBC-LIST',
    },
    {
      name: 'a sunsetting IBC earned inside the sunset is credited in 2025 under the sunset flag',
      record: g({
        ibc_earned: [
          ibc({
            lists: ['2019-2022'],
            earned_date: '2023-08-31',
            aligned_pos_status: 'level2_course',
          }),
        ],
      }),
      isCredited: true,
      ruleId: 'CAR-IBC-SUNSET-FLAG',
    },
    {
      name: 'a sunsetting IBC earned on 2024-08-31 is credited where sunsetting IBCs still count',
      record: g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2024-08-31' })] }, 2026),
      isCredited: true,
      overrides: { ibc: { sunsetting_credited: true, allowed_lists: ['2019-2022', '2022-2025'] } },
    },
    {
      name: 'a sunsetting IBC earned on 2024-09-01 is not, even where sunsetting IBCs still count',
      record: g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2024-09-01' })] }, 2026),
      isCredited: false,
      ruleId: 'CAR-IBC-LIST',
      overrides: { ibc: { sunsetting_credited: true, allowed_lists: ['2019-2022', '2022-2025'] } },
    },
    {
      name: 'a sunsetting IBC earned after 2024-08-31 is not',
      record: g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2024-09-01' })] }, 2026),
      isCredited: false,
      ruleId: 'CAR-IBC-LIST',
    },
    {
      name: 'a sunsetting IBC is not credited in 2026 by default',
      record: g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2024-03-01' })] }, 2026),
      isCredited: false,
      ruleId: 'CAR-IBC-LIST',
    },
    {
      name: 'a district can keep crediting sunsetting IBCs in 2026',
      record: g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2024-03-01' })] }, 2026),
      isCredited: true,
      overrides: { ibc: { sunsetting_credited: true, allowed_lists: ['2019-2022', '2022-2025'] } },
    },
    {
      name: 'a 2025-2030-only IBC earned on 2025-09-01 is credited in 2027',
      record: g({ ibc_earned: [ibc({ lists: ['2025-2030'], earned_date: '2025-09-01' })] }, 2027),
      isCredited: true,
    },
    {
      name: 'a 2025-2030-only IBC earned on 2025-08-31 is not',
      record: g({ ibc_earned: [ibc({ lists: ['2025-2030'], earned_date: '2025-08-31' })] }, 2027),
      isCredited: false,
      ruleId: 'CAR-IBC-LIST',
    },
    {
      name: 'an IBC earned on the graduation date is credited (CAR-IBC-TIMING)',
      record: g({ ibc_earned: [ibc({ earned_date: '2024-05-24' })] }),
      isCredited: true,
    },
    {
      name: 'an IBC earned the day after graduation is not',
      record: g({ ibc_earned: [ibc({ earned_date: '2024-05-25' })] }),
      isCredited: false,
      ruleId: 'CAR-IBC-TIMING',
    },
    {
      name: 'an IBC earned before grade 9 is not',
      record: g({
        ibc_earned: [ibc({ lists: ['2019-2022', '2022-2025'], earned_date: '2020-08-16' })],
      }),
      isCredited: false,
      ruleId: 'CAR-IBC-TIMING',
    },
  ],
  'CAR-LVL': [
    {
      name: 'a Level I certificate on August 31 after graduation is credited',
      record: g({ level_certificates: [{ level: 'I', award_date: '2024-08-31' }] }),
      isCredited: true,
    },
    {
      name: 'a Level II certificate on September 1 is not',
      record: g({ level_certificates: [{ level: 'II', award_date: '2024-09-01' }] }),
      isCredited: false,
    },
    {
      name: 'a July certificate is not where the district ends the window at graduation',
      record: g({ level_certificates: [{ level: 'I', award_date: '2024-07-01' }] }),
      isCredited: false,
      overrides: { windows: { level_certificate_end: 'graduation' } },
    },
  ],
  'CAR-IEPWF': [
    ...['04', '05', '54', '55'].map((code) => ({
      name: `graduation type ${code} is credited`,
      record: g({ graduation_type_code: code, sped_in_graduation_year: true }),
      isCredited: true,
    })),
    {
      name: 'graduation type 34 is not',
      record: g({ graduation_type_code: '34', sped_in_graduation_year: true }),
      isCredited: false,
    },
    {
      name: 'a non-graduate is not',
      record: g({
        graduated: false,
        graduation_type_code: '04',
        school_year_end_date: '2024-05-30',
      }),
      isCredited: false,
    },
  ],
  'CAR-SPEDADV': [
    {
      name: 'special education on FHSP-E is credited',
      record: g({ sped_in_graduation_year: true, graduation_plan: 'FHSP-E' }),
      isCredited: true,
    },
    {
      name: 'special education on FHSP-DLA is credited',
      record: g({ sped_in_graduation_year: true, graduation_plan: 'FHSP-DLA' }),
      isCredited: true,
    },
    {
      name: 'special education on plain FHSP is not',
      record: g({ sped_in_graduation_year: true, graduation_plan: 'FHSP' }),
      isCredited: false,
    },
    {
      name: 'FHSP-E without special education is not',
      record: g({ sped_in_graduation_year: false, graduation_plan: 'FHSP-E' }),
      isCredited: false,
    },
  ],
  'MIL-ENL': [
    {
      name: 'enlistment is not credited for the class of 2022 (MIL-YEAR)',
      record: g(
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
      isCredited: false,
      ruleId: 'MIL-YEAR',
    },
    {
      name: 'a complete DD Form 4 is credited in 2024',
      record: g(
        {
          enlistment: {
            date: '2023-06-01',
            component: 'active',
            dd4_complete: true,
            dmdc_match: false,
          },
        },
        2024,
      ),
      isCredited: true,
    },
    {
      name: 'a DMDC match alone is not credited in 2025 (MIL-DOC)',
      record: g({
        enlistment: {
          date: '2024-06-01',
          component: 'active',
          dd4_complete: false,
          dmdc_match: true,
        },
      }),
      isCredited: false,
      ruleId: 'MIL-DOC',
    },
    {
      name: 'a DMDC match alone is credited in 2026',
      record: g(
        {
          enlistment: {
            date: '2025-06-01',
            component: 'active',
            dd4_complete: false,
            dmdc_match: true,
          },
        },
        2026,
      ),
      isCredited: true,
    },
    {
      name: 'enlistment on December 31 after graduation is credited',
      record: g({
        enlistment: {
          date: '2024-12-31',
          component: 'texas_national_guard',
          dd4_complete: true,
          dmdc_match: false,
        },
      }),
      isCredited: true,
    },
    {
      name: 'enlistment on January 1 is not (MIL-DEADLINE)',
      record: g({
        enlistment: {
          date: '2025-01-01',
          component: 'active',
          dd4_complete: true,
          dmdc_match: false,
        },
      }),
      isCredited: false,
      ruleId: 'MIL-DEADLINE',
    },
    {
      name: 'a federal reserve component is not credited (MIL-COMPONENT)',
      record: g({
        enlistment: {
          date: '2024-06-01',
          component: 'federal_reserve',
          dd4_complete: true,
          dmdc_match: true,
        },
      }),
      isCredited: false,
      ruleId: 'MIL-COMPONENT',
    },
    {
      name: 'four JROTC years and AFQT 31 are credited where the district enables that route',
      record: g({ jrotc_years: 4, asvab_afqt: 31 }, 2027),
      isCredited: true,
      ruleId: 'MIL-JROTC-ASVAB',
      overrides: { military: { jrotc_asvab_route: true } },
    },
    {
      name: 'four JROTC years and AFQT 30 are not',
      record: g({ jrotc_years: 4, asvab_afqt: 30 }, 2027),
      isCredited: false,
      overrides: { military: { jrotc_asvab_route: true } },
    },
  ],
};

for (const [indicator, rows] of Object.entries(tables)) describeRuleTable(indicator, rows);

describe('CCMR-MET, display groups and CAR-IBC-SUNSET-FLAG', () => {
  it('flags a graduate met only by a sunsetting IBC as sunsetting-only', () => {
    const result = evaluate(
      g({ ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2023-03-01' })] }, 2024),
    );
    assert.equal(result.sunsetting_only, true);
    assert.equal(result.career_ready, true);
  });

  it('does not flag a graduate who also has another indicator', () => {
    const result = evaluate(
      g(
        {
          ibc_earned: [ibc({ lists: ['2019-2022'], earned_date: '2023-03-01' })],
          ap_exams: [{ date: '2023-05-01', subject: 'AP Art', score: 3 }],
        },
        2024,
      ),
    );
    assert.equal(result.sunsetting_only, false);
    assert.deepEqual(result.credited_indicators, ['COL-APIB', 'CAR-IBC']);
  });

  it('does not flag a graduate whose IBC is on both the old and the new list', () => {
    const result = evaluate(
      g(
        { ibc_earned: [ibc({ lists: ['2019-2022', '2022-2025'], earned_date: '2023-03-01' })] },
        2024,
      ),
    );
    assert.equal(result.sunsetting_only, false);
  });

  it('groups the special-education advanced plan under career ready', () => {
    const result = evaluate(g({ sped_in_graduation_year: true, graduation_plan: 'DAP' }));
    assert.equal(result.career_ready, true);
    assert.equal(result.college_ready, false);
  });
});
