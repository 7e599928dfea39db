import { exceeds, share, within, type ObmTable } from './obm-table.js';

/**
 * The OBM tables of ccmr-rules.md §8. Input keys name the `[numerator, denominator]` (or, for a
 * comparison, `[numerator, denominator, reference_pct]`) the caller supplies. Where the current
 * ECHS Access and P-TECH Access/Attainment pages were not available, the 2020 tables serve for
 * `current` too [U].
 */

const ECHS_2020_LEVELS: [string, string, string] = ['provisional', 'early_college', 'distinction'];
const PTECH_2020_LEVELS: [string, string, string] = ['provisional', 'designated', 'excellence'];

const ECHS_ATTAINMENT_CURRENT: ObmTable = {
  rule_id: 'OBM-ECHS-ATT',
  program: 'ECHS',
  domain: 'attainment',
  version: 'current',
  levels: ['designated', 'distinction'],
  required: { designated: 3, distinction: 3 },
  indicators: [
    pair('credits9_by_end_g10', 30, 40),
    pair('ela_or_math_credit_by_end_g11', 40, 50),
    pair('credits15_by_graduation', 50, 60),
    pair('core_completion_by_graduation', 50, 60),
    pair('associate_by_graduation', 50, 60),
    pair('persistence_through_graduation', 75, 85),
  ],
};

const ECHS_ACHIEVEMENT_CURRENT: ObmTable = {
  rule_id: 'OBM-ECHS-ACH',
  program: 'ECHS',
  domain: 'achievement',
  version: 'current',
  levels: ['designated', 'distinction'],
  required: { designated: 3, distinction: 3 },
  indicators: [
    pair('algebra1_approaches_by_end_g9', 70, 80),
    pair('english2_approaches_by_end_g11', 70, 80),
    pair('tsi_math_by_end_g11', 60, 70),
    pair('tsi_ela_by_end_g11', 70, 80),
    graduationRate(['designated', 'distinction']),
    pair('ccmr_tsi_both_by_graduation', 40, 50),
  ],
};

// Limitation: the 2020 ECHS Access levels also require that the school serves the named groups
// (at-risk, econ-dis, EL, SWD); only the shares and the comparisons with the district are checked.
const ECHS_ACCESS_2020: ObmTable = {
  rule_id: 'OBM-ECHS-ACC',
  program: 'ECHS',
  domain: 'access',
  version: '2020',
  levels: ['provisional', 'early_college', 'distinction'],
  required: {
    provisional: { must_meet: ['at_risk_incoming_g9'] },
    early_college: { must_meet: ['at_risk_incoming_g9', 'econ_disadv_g9_12'] },
    distinction: { must_meet: ['special_populations_share'] },
  },
  indicators: [
    {
      key: 'at_risk_incoming_g9',
      targets: {
        provisional: within('at_risk_incoming_g9', 25),
        early_college: within('at_risk_incoming_g9', 25),
      },
    },
    { key: 'econ_disadv_g9_12', targets: { early_college: within('econ_disadv_g9_12', 10) } },
    {
      key: 'special_populations_share',
      targets: { distinction: share('special_populations_share', 80) },
    },
  ],
};

const ECHS_ATTAINMENT_2020: ObmTable = {
  rule_id: 'OBM-ECHS-ATT-2020',
  program: 'ECHS',
  domain: 'attainment',
  version: '2020',
  levels: ['provisional', 'early_college', 'distinction'],
  required: {
    provisional: {
      must_meet: ['persistence_into_fall_g12', 'credits9_by_end_g10', 'credits15_by_graduation'],
    },
    early_college: 5,
    distinction: 6,
  },
  indicators: [
    triple('persistence_into_fall_g12', 70, 75, 85, ECHS_2020_LEVELS),
    triple('credits9_by_end_g10', 35, 40, 50, ECHS_2020_LEVELS),
    triple('credits15_by_graduation', 50, 65, 80, ECHS_2020_LEVELS),
    triple('core42_by_graduation', null, 30, 40, ECHS_2020_LEVELS),
    triple('level_cert_or_associate_by_graduation', null, 40, 50, ECHS_2020_LEVELS),
    graduationRate(['early_college', 'distinction']),
    triple('direct_to_college_enrollment', null, 45, 50, ECHS_2020_LEVELS),
  ],
};

const ECHS_ACHIEVEMENT_2020: ObmTable = {
  rule_id: 'OBM-ECHS-ACH-2020',
  program: 'ECHS',
  domain: 'achievement',
  version: '2020',
  levels: ['provisional', 'early_college', 'distinction'],
  required: { provisional: 3, early_college: 4, distinction: 5 },
  indicators: [
    triple('tsi_elar_writing_by_end_g11', 65, 70, 80, ECHS_2020_LEVELS),
    triple('tsi_math_by_end_g11', 50, 60, 75, ECHS_2020_LEVELS),
    triple('ccmr_sat_act_by_graduation', null, 45, 65, ECHS_2020_LEVELS),
    {
      key: 'algebra1_by_end_g9',
      targets: {
        provisional: share('algebra1_approaches_by_end_g9', 85),
        early_college: share('algebra1_meets_by_end_g9', 60),
        distinction: withMasters('algebra1_meets_by_end_g9', 60, 'algebra1_masters_by_end_g9', 40),
      },
    },
    {
      key: 'english2_g9_11',
      targets: {
        provisional: share('english2_approaches_g9_11', 85),
        early_college: share('english2_meets_g9_11', 30),
        distinction: withMasters('english2_meets_g9_11', 30, 'english2_masters_g9_11', 10),
      },
    },
  ],
};

const PTECH_ACHIEVEMENT_CURRENT: ObmTable = {
  rule_id: 'OBM-PT-ACH',
  program: 'PTECH',
  domain: 'achievement',
  version: 'current',
  levels: ['designated', 'distinction'],
  required: { designated: 3, distinction: 3 },
  indicators: [
    pair('algebra1_approaches_by_end_g10', 70, 80),
    pair('english2_approaches_by_end_g11', 70, 80),
    pair('tsi_both_by_graduation', 40, 50),
    graduationRate(['designated', 'distinction']),
    pair('cte_concentrator_or_completer_by_end_g11', 55, 65),
    pair('cte_concentrator_or_completer_by_graduation', 65, 75),
  ],
};

const PTECH_ATTAINMENT_2020: ObmTable = {
  rule_id: 'OBM-PT-ATT',
  program: 'PTECH',
  domain: 'attainment',
  version: '2020',
  levels: ['provisional', 'designated', 'excellence'],
  required: {
    provisional: { must_meet: ['college_course_by_end_g11', 'work_based_learning_by_graduation'] },
    designated: 4,
    excellence: 5,
  },
  indicators: [
    triple('persistence_weighted', null, 80, 90, PTECH_2020_LEVELS),
    triple('college_course_by_end_g11', 80, 90, 100, PTECH_2020_LEVELS),
    triple('degree_by_graduation', null, 30, 50, PTECH_2020_LEVELS),
    triple('ihe_credential_by_graduation', null, 30, 50, PTECH_2020_LEVELS),
    triple('industry_certification_by_graduation', null, 30, 50, PTECH_2020_LEVELS),
    triple('degree_credential_or_certification_by_graduation', null, 80, 100, PTECH_2020_LEVELS),
    triple('work_based_learning_by_graduation', 35, 50, 85, PTECH_2020_LEVELS),
  ],
};

const PTECH_ACCESS_2020: ObmTable = {
  rule_id: 'OBM-PT-ACC',
  program: 'PTECH',
  domain: 'access',
  version: '2020',
  levels: ['provisional', 'designated', 'excellence'],
  required: { provisional: 'all', designated: 'all', excellence: 'all' }, // [U] counts not given
  indicators: [
    {
      key: 'at_risk_incoming_g9',
      targets: {
        provisional: within('at_risk_incoming_g9', 20),
        designated: within('at_risk_incoming_g9', 15),
        excellence: within('at_risk_incoming_g9', 10),
      },
    },
    {
      key: 'econ_disadv',
      targets: {
        provisional: within('econ_disadv', 10),
        designated: within('econ_disadv', 5),
        excellence: within('econ_disadv', 0),
      },
    },
    { key: 'english_learners', targets: { excellence: within('english_learners', 5) } },
    {
      key: 'students_with_disabilities',
      targets: { excellence: within('students_with_disabilities', 5) },
    },
  ],
};

const PTECH_ACHIEVEMENT_2020: ObmTable = {
  rule_id: 'OBM-PT-ACH-2020',
  program: 'PTECH',
  domain: 'achievement',
  version: '2020',
  levels: ['provisional', 'designated', 'excellence'],
  required: { provisional: 'all', designated: 'all', excellence: 'all' }, // [U] counts not given
  indicators: [
    triple('tsi_reading_and_math', 35, 50, 60, PTECH_2020_LEVELS),
    triple('industry_certification', null, 30, 50, PTECH_2020_LEVELS),
    triple('associate_degree', null, 30, 50, PTECH_2020_LEVELS),
    triple('dual_credit_course', 35, 80, 100, PTECH_2020_LEVELS),
    {
      key: 'algebra1_g9',
      targets: {
        designated: share('algebra1_approaches_g9', 85),
        excellence: withMasters('algebra1_approaches_g9', 85, 'algebra1_masters_g9', 45),
      },
    },
    {
      key: 'english2_g9_11',
      targets: {
        designated: share('english2_approaches_g9_11', 85),
        excellence: withMasters('english2_approaches_g9_11', 85, 'english2_masters_g9_11', 25),
      },
    },
  ],
};

/** Every table; `current` falls back to `2020` where §8 has no current page. */
export const OBM_TABLES: readonly ObmTable[] = [
  ECHS_ATTAINMENT_CURRENT,
  ECHS_ACHIEVEMENT_CURRENT,
  { ...ECHS_ACCESS_2020, version: 'current' },
  ECHS_ACCESS_2020,
  ECHS_ATTAINMENT_2020,
  ECHS_ACHIEVEMENT_2020,
  PTECH_ACHIEVEMENT_CURRENT,
  { ...PTECH_ATTAINMENT_2020, version: 'current' },
  PTECH_ATTAINMENT_2020,
  { ...PTECH_ACCESS_2020, version: 'current' },
  PTECH_ACCESS_2020,
  PTECH_ACHIEVEMENT_2020,
];

function pair(key: string, designated: number, distinction: number) {
  return {
    key,
    targets: { designated: share(key, designated), distinction: share(key, distinction) },
  };
}

function triple(
  key: string,
  first: number | null,
  second: number,
  third: number,
  levels: [string, string, string],
) {
  return {
    key,
    targets: {
      [levels[0]]: first === null ? undefined : share(key, first),
      [levels[1]]: share(key, second),
      [levels[2]]: share(key, third),
    },
  };
}

/** 4-year graduation rate: within 5 points of the state at the lower level, above it at the top. */
function graduationRate(levels: [string, string]) {
  return {
    key: 'graduation_rate_4yr',
    targets: {
      [levels[0]]: within('graduation_rate_4yr', 5),
      [levels[1]]: exceeds('graduation_rate_4yr'),
    },
  };
}

function withMasters(input: string, min: number, masters: string, mastersMin: number) {
  return { input, min_pct: min, also: { input: masters, min_pct: mastersMin } };
}
