import type { IndicatorExplanation, IndicatorId, Outcome } from './outcome.js';

/** An Outcomes Bonus cohort (OB-COHORT). */
export type ObCohort = 'ED' | 'NONED' | 'SPED';

/** An Outcomes Bonus category (OB-COL, OB-CAR, OB-MIL). */
export type ObCategory = 'college' | 'career' | 'military';

/** A student's Outcomes Bonus standing (§5). */
export interface StudentOutcomesBonus {
  /** Meets OB-COL, OB-CAR or OB-MIL (annual graduates only, OB-ELIG). */
  eligible: boolean;
  /** Every category satisfied; the student still counts once. */
  category: ObCategory[];
  /** ED or NONED, plus SPED; empty for non-graduates. */
  cohorts: ObCohort[];
  /** Potential award in dollars (OB-AMT), realised only above the district minimum. */
  amount: number;
}

/** The result of evaluating one student (ccmr-rules.md §4–5), shaped like examples.json. */
export interface StudentResult {
  student_id?: string;
  accountability_year: number;
  graduated: boolean;
  college_ready: boolean;
  career_ready: boolean;
  military_ready: boolean;
  /** CCMR-MET, before the campus sunsetting cap. */
  ccmr_met: boolean;
  credited_indicators: IndicatorId[];
  /** CAR-IBC-SUNSET-FLAG: the only credited indicator is a sunsetting IBC. */
  sunsetting_only: boolean;
  /** DEN-SA. */
  in_student_achievement_denominator: boolean;
  /** DEN-CTG. */
  in_closing_gaps_denominator: boolean;
  outcomes_bonus: StudentOutcomesBonus;
  tsi_ela_met: boolean;
  tsi_math_met: boolean;
  /** Why: one entry per indicator, and the three Outcomes Bonus routes. */
  explanations: {
    indicators: IndicatorExplanation[];
    outcomes_bonus: Outcome[];
  };
}
