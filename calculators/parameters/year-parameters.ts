import type { EnlistmentComponent, PosStatus } from '../student-record.js';

/** Where an indicator window ends (WIN-HS): the graduation date, August 31 after it, or never. */
export type WindowEnd = 'graduation' | 'august31' | 'none';

/** How a count is rounded: OB-MIN (`ceil` or `floor`) and AGG-CAP (`floor`). */
export type CountRounding = 'ceil' | 'floor';

/**
 * Every value the rules take from ccmr-rules.md §2 or tag [U], for one accountability year.
 * Keys are snake_case so that a district override file uses the same names as this table.
 */
export interface YearParameters {
  accountability_year: number;
  /** §4.1 TSI cut scores. */
  tsi: {
    tsia1_reading_min: number;
    tsia1_math_min: number;
    tsia2_elar_crc_min: number;
    tsia2_elar_diag_min: number;
    tsia2_essay_min: number;
    tsia1_essay_min: number;
    tsia2_math_crc_min: number;
    tsia2_math_diag_min: number;
    sat_first_date: string;
    sat_ebrw_min: number;
    sat_math_min: number;
    act_new_from_date: string;
    act_old_composite_min: number;
    act_old_english_min: number;
    act_old_math_min: number;
    act_new_english_reading_min: number;
    act_new_math_min: number;
    /** TSI-ACT-NEW [U]: the new benchmarks may also be met on ACTs taken before the change. */
    act_new_benchmarks_apply_to_old_tests: boolean;
  };
  /** TSI-CPC-YEAR and TSI-CPC-PROVIDER. */
  college_prep: {
    allowed_grade_levels: number[];
    approved_provider_required: boolean;
  };
  /** COL-APIB, COL-DC (A-DC-1), COL-ONR. */
  college: {
    ap_min_score: number;
    ib_min_score: number;
    dual_credit_ela_hours_min: number;
    dual_credit_math_hours_min: number;
    dual_credit_total_hours_min: number;
    /** A-DC-1 [U]: false = ELA and math hours are not added together toward 3. */
    dual_credit_pool_ela_math: boolean;
    onramps_hours_min: number;
  };
  /** CAR-IBC and CAR-IBC-SUNSET-FLAG. */
  ibc: {
    allowed_lists: string[];
    sunsetting_credited: boolean;
    sunset_list: string;
    successor_list: string;
    sunset_earned_by_date: string;
    /** First day an IBC that is only on the named list may be earned [U]. */
    list_effective_dates: Record<string, string>;
    pos_required: PosStatus;
  };
  /** CAR-IEPWF and CAR-SPEDADV. */
  sped: {
    iep_workforce_codes: string[];
    advanced_plans: string[];
  };
  /** MIL-YEAR, MIL-DOC, MIL-COMPONENT and the §4.6 year flag. */
  military: {
    credited: boolean;
    /** `dd4`: a complete DD Form 4 only; `dmdc_or_dd4`: a DMDC match or a complete DD Form 4. */
    evidence: 'dd4' | 'dmdc_or_dd4';
    components: EnlistmentComponent[];
    jrotc_asvab_route: boolean;
    jrotc_years_min: number;
    asvab_afqt_min: number;
  };
  /** §5 Outcomes Bonus. */
  outcomes_bonus: {
    thresholds: { ED: number; NONED: number; SPED: number };
    awards_usd: { ED: number; NONED: number; SPED: number };
    min_count_rounding: CountRounding;
  };
  /** WIN-HS: the last day each indicator's evidence may carry ([U] except where V-S). */
  windows: {
    tsi_end: WindowEnd;
    ap_ib_end: WindowEnd;
    dual_credit_end: WindowEnd;
    onramps_end: WindowEnd;
    ibc_end: WindowEnd;
    level_certificate_end: WindowEnd;
  };
  /** §6 aggregation. */
  aggregation: {
    sunset_cap_applies: boolean;
    sunset_cap_min_students: number;
    sunset_cap_share: number;
    sunset_cap_rounding: CountRounding;
    cut_scores: { A: number; B: number; C: number; D: number };
    ctg_exclude_iep_continuers: boolean;
  };
}

/** A district's changes to one year's parameters: any subset of keys, nested objects merged. */
export type ParameterOverrides = DeepPartial<Omit<YearParameters, 'accountability_year'>>;

/** Every key optional, recursively; arrays and records replace, they are not merged. */
export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[]
    ? T[K]
    : T[K] extends Record<string, unknown>
      ? DeepPartial<T[K]>
      : T[K];
};
