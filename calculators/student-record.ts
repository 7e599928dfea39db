/**
 * The student record the calculators evaluate: the snake_case input model of ccmr-rules.md §3,
 * field for field, plus the optional `pending` evidence used only by projections.
 *
 * All dates are ISO `YYYY-MM-DD` strings. They are compared as strings, which orders them
 * correctly and costs nothing in the hot path. A missing array means "none".
 */

/** Program-of-study status reached in a POS aligned to one IBC, lowest to highest (§3). */
export type PosStatus = 'none' | 'level2_course' | 'concentrator' | 'completer';

/** Military component of an enlistment (MIL-COMPONENT). */
export type EnlistmentComponent = 'active' | 'texas_national_guard' | 'federal_reserve';

/** Graduation plan codes of §3. */
export type GraduationPlan = 'FHSP' | 'FHSP-E' | 'FHSP-DLA' | 'RHSP' | 'DAP' | 'MHSP';

/** One TSIA (version 1) administration. */
export interface Tsia1Score {
  date: string;
  reading?: number;
  math?: number;
  writing_mc?: number;
  essay?: number;
}

/** One TSIA2 administration. */
export interface Tsia2Score {
  date: string;
  elar_crc?: number;
  elar_diag?: number;
  essay?: number;
  math_crc?: number;
  math_diag?: number;
}

/** One SAT administration. */
export interface SatScore {
  date: string;
  ebrw?: number;
  math?: number;
}

/** One ACT administration. */
export interface ActScore {
  date: string;
  english?: number;
  reading?: number;
  math?: number;
  composite?: number;
}

/** A college preparatory course (TEC §28.014). */
export interface CollegePrepCourse {
  subject: 'ELA' | 'MATH';
  completed_with_credit: boolean;
  grade_level: number;
  approved_provider?: boolean;
}

/** One AP or IB exam result. */
export interface ExamScore {
  date: string;
  subject: string;
  score: number;
}

/** One dual credit course. */
export interface DualCreditCourse {
  subject: 'ELA' | 'MATH' | 'OTHER';
  hours: number;
  credit_earned: boolean;
  completion_date: string;
}

/** One OnRamps dual enrollment course. */
export interface OnRampsCourse {
  completion_date: string;
  qualified_hours: number;
}

/** One industry-based certification result. */
export interface IbcResult {
  code: string;
  lists: string[];
  earned_date: string;
  result_code: string;
  aligned_pos_status: PosStatus;
}

/** A Level I or Level II certificate awarded by a Texas institution of higher education. */
export interface LevelCertificate {
  level: 'I' | 'II';
  award_date: string;
}

/** An enlistment in the U.S. Armed Forces or the Texas National Guard. */
export interface Enlistment {
  date: string;
  component: EnlistmentComponent;
  dd4_complete: boolean;
  dmdc_match: boolean;
}

/**
 * Evidence that is expected but not yet in hand, for projections only (not part of §3; the
 * accountability rules never read it). Each entry, if it succeeds, becomes ordinary §3 evidence.
 */
export interface PendingEvidence {
  /** Exams scheduled or registered: SAT, ACT, TSIA2, AP or IB, on `date`. */
  exams_scheduled?: Array<{
    instrument: 'SAT' | 'ACT' | 'TSIA2' | 'AP' | 'IB';
    date: string;
    subject?: string;
  }>;
  /** Dual credit courses in progress, credit expected on `expected_completion_date`. */
  dual_credit_in_progress?: Array<{
    subject: 'ELA' | 'MATH' | 'OTHER';
    hours: number;
    expected_completion_date: string;
  }>;
  /** OnRamps courses in progress. */
  onramps_in_progress?: Array<{ expected_completion_date: string; qualified_hours: number }>;
  /** College prep courses in progress in the given grade level. */
  college_prep_in_progress?: Array<{
    subject: 'ELA' | 'MATH';
    grade_level: number;
    approved_provider?: boolean;
  }>;
  /** Program-of-study courses in progress: the aligned POS status reached on completion. */
  pos_courses_in_progress?: Array<{ ibc_code: string; status_on_completion: PosStatus }>;
  /** IBC exams the student is registered for. */
  ibc_exam_registered?: Array<{
    code: string;
    lists: string[];
    exam_date: string;
    aligned_pos_status: PosStatus;
  }>;
  /** A signed intent to enlist, with the expected enlistment date. */
  enlistment_planned?: { expected_date: string; component: EnlistmentComponent } | null;
}

/** The §3 student record. */
export interface StudentRecord {
  student_id?: string;
  district_id?: string;
  campus_id?: string;
  accountability_year: number;
  graduated: boolean;
  graduation_date?: string | null;
  grade9_start_date?: string | null;
  econ_disadv?: boolean;
  sped_in_graduation_year?: boolean;
  graduation_type_code?: string | null;
  graduation_plan?: GraduationPlan | null;
  grade12_attended_last_six_weeks?: boolean;
  iep_continuer?: boolean;
  /** Reported at more than one campus in the last six weeks (DEN-CTG exclusion); optional. */
  multiple_campuses_last_six_weeks?: boolean;
  school_year_end_date?: string | null;
  tsia1?: Tsia1Score[];
  tsia2?: Tsia2Score[];
  sat?: SatScore[];
  act?: ActScore[];
  college_prep?: CollegePrepCourse[];
  ap_exams?: ExamScore[];
  ib_exams?: ExamScore[];
  dual_credit_courses?: DualCreditCourse[];
  onramps?: OnRampsCourse[];
  associate_degree_date?: string | null;
  ibc_earned?: IbcResult[];
  level_certificates?: LevelCertificate[];
  enlistment?: Enlistment | null;
  ps_enrolled_by_10th_day_fall?: boolean;
  asvab_afqt?: number | null;
  /** Years of JROTC completed; read only when the year enables the JROTC + ASVAB route (§4.6). */
  jrotc_years?: number | null;
  /** Projection-only evidence not yet in hand. */
  pending?: PendingEvidence;
}
