import type { YearParameters } from './year-parameters.js';

/**
 * The versioned parameter table of ccmr-rules.md §2, one row per accountability year. A new
 * year is a new row: copy the newest row, change what TEA changed, and add it to `ROWS`.
 * Values tagged [U] in the rules are marked here too; docs/rules.md lists them as configurable.
 */

const BASE_2023: YearParameters = {
  accountability_year: 2023,
  tsi: {
    tsia1_reading_min: 351,
    tsia1_math_min: 350,
    tsia2_elar_crc_min: 945,
    tsia2_elar_diag_min: 5,
    tsia2_essay_min: 5,
    tsia1_essay_min: 5,
    tsia2_math_crc_min: 950,
    tsia2_math_diag_min: 6,
    sat_first_date: '2016-03-05',
    sat_ebrw_min: 480,
    sat_math_min: 530,
    act_new_from_date: '2023-02-15',
    act_old_composite_min: 23,
    act_old_english_min: 19,
    act_old_math_min: 19,
    act_new_english_reading_min: 40,
    act_new_math_min: 22,
    act_new_benchmarks_apply_to_old_tests: true, // [U] 19 TAC §4.54 mixing clause
  },
  college_prep: {
    allowed_grade_levels: [9, 10, 11, 12], // [U] any grade before 2026
    approved_provider_required: false,
  },
  college: {
    ap_min_score: 3,
    ib_min_score: 4,
    dual_credit_ela_hours_min: 3,
    dual_credit_math_hours_min: 3,
    dual_credit_total_hours_min: 9,
    dual_credit_pool_ela_math: false, // [U] A-DC-1
    onramps_hours_min: 3,
  },
  ibc: {
    allowed_lists: ['2019-2022'],
    sunsetting_credited: true,
    sunset_list: '2019-2022',
    successor_list: '2022-2025',
    sunset_earned_by_date: '2024-08-31',
    list_effective_dates: { '2025-2030': '2025-09-01' }, // [U]
    pos_required: 'none',
  },
  sped: {
    iep_workforce_codes: ['04', '05', '54', '55'], // 54/55 [U]
    advanced_plans: ['RHSP', 'DAP', 'FHSP-E', 'FHSP-DLA'],
  },
  military: {
    credited: false,
    evidence: 'dd4',
    components: ['active', 'texas_national_guard'], // federal reserve [U] not credited
    jrotc_asvab_route: false, // [U] §4.6: no primary source for a JROTC + ASVAB route
    jrotc_years_min: 4,
    asvab_afqt_min: 31,
  },
  outcomes_bonus: {
    thresholds: { ED: 0.11, NONED: 0.24, SPED: 0 },
    awards_usd: { ED: 5000, NONED: 3000, SPED: 2000 }, // SPED amount after 2025 [U]
    min_count_rounding: 'ceil', // [U] OB-MIN
  },
  windows: {
    tsi_end: 'graduation', // [U] WIN-HS default end; TSI-WINDOW sets only the start
    ap_ib_end: 'graduation', // [U] §9.11: a June score for a May graduate
    dual_credit_end: 'graduation', // [U] §9.11: summer courses after graduation
    onramps_end: 'graduation', // [U]
    ibc_end: 'graduation', // [U] CAR-IBC-TIMING end bound
    level_certificate_end: 'august31', // [U] CAR-LVL end date
  },
  aggregation: {
    sunset_cap_applies: true,
    sunset_cap_min_students: 5,
    sunset_cap_share: 0.2,
    sunset_cap_rounding: 'floor', // [U] AGG-CAP
    cut_scores: { A: 88, B: 78, C: 67, D: 56 }, // B/C/D [U]
    ctg_exclude_iep_continuers: true, // [U] for 2023+
  },
};

/** Returns a copy of `row` with the given groups replaced (one level deep). */
function nextYear(row: YearParameters, changes: Partial<YearParameters>): YearParameters {
  const copy = structuredClone(row);
  return { ...copy, ...structuredClone(changes) };
}

const ROW_2024 = nextYear(BASE_2023, {
  accountability_year: 2024,
  ibc: { ...BASE_2023.ibc, allowed_lists: ['2019-2022', '2022-2025'] },
  military: { ...BASE_2023.military, credited: true, evidence: 'dd4' },
});

const ROW_2025 = nextYear(ROW_2024, {
  accountability_year: 2025,
  ibc: { ...ROW_2024.ibc, pos_required: 'level2_course' },
});

const ROW_2026 = nextYear(ROW_2025, {
  accountability_year: 2026,
  ibc: {
    ...ROW_2025.ibc,
    allowed_lists: ['2022-2025'],
    sunsetting_credited: false, // [U] secondary sources conflict
    pos_required: 'concentrator',
  },
  military: { ...ROW_2025.military, evidence: 'dmdc_or_dd4' },
  college_prep: { allowed_grade_levels: [11, 12], approved_provider_required: false },
  aggregation: { ...ROW_2025.aggregation, sunset_cap_applies: true }, // [U] moot by default
});

const ROW_2027 = nextYear(ROW_2026, {
  accountability_year: 2027,
  ibc: { ...ROW_2026.ibc, allowed_lists: ['2022-2025', '2025-2030'], pos_required: 'completer' },
  // [U] grade-12-only kept although the provider list was postponed to 2028.
  college_prep: { allowed_grade_levels: [12], approved_provider_required: false },
  aggregation: { ...ROW_2026.aggregation, sunset_cap_applies: false },
});

const ROWS: readonly YearParameters[] = [BASE_2023, ROW_2024, ROW_2025, ROW_2026, ROW_2027];

/** The parameter rows by accountability year, frozen. */
export const PARAMETER_TABLE: ReadonlyMap<number, YearParameters> = new Map(
  ROWS.map((row) => [row.accountability_year, deepFreeze(row)]),
);

/** The accountability years the table covers, ascending. */
export const SUPPORTED_YEARS: readonly number[] = ROWS.map((row) => row.accountability_year);

/** Freezes an object and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
