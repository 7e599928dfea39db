/**
 * What one rule decided about one student, and why: the explanation a counselor sees.
 */

/** The accountability indicators of CCMR-MET, in the order results list them. */
export const INDICATOR_IDS = [
  'COL-TSI',
  'COL-APIB',
  'COL-DC',
  'COL-ONR',
  'COL-AD',
  'CAR-IBC',
  'CAR-LVL',
  'CAR-IEPWF',
  'CAR-SPEDADV',
  'MIL-ENL',
] as const;

/** One accountability indicator of ccmr-rules.md §4. */
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Why a rule came out the way it did. */
export type ReasonCode =
  | 'met'
  | 'no_evidence'
  | 'below_cut'
  | 'outside_window'
  | 'not_credited_this_year'
  | 'not_earned'
  | 'list_not_allowed'
  | 'sunset_expired'
  | 'pos_requirement_not_met'
  | 'documentation_missing'
  | 'component_not_credited'
  | 'grade_level_not_allowed'
  | 'provider_not_approved'
  | 'not_a_graduate'
  | 'code_not_listed'
  | 'plan_not_listed'
  | 'not_enrolled'
  | 'course_not_assessment';

/** The record that decided a rule: which test, date, score, course or certificate. */
export interface Evidence {
  /** Which part of the §3 record: `sat`, `act`, `tsia2`, `ibc_earned`, `enlistment`, … */
  source: string;
  date?: string;
  /** The score or quantity compared, e.g. `ebrw`, `english+reading`, `ela_hours`. */
  field?: string;
  value?: number | string | boolean;
  /** The value the rule needs, e.g. 480. */
  cut?: number | string;
  subject?: string;
  code?: string;
}

/** The decision of one rule for one student. */
export interface Outcome {
  /** Set on the ten indicator explanations; absent on sub-decisions (TSI subjects, OB routes). */
  indicator?: IndicatorId;
  /** The rule ID of ccmr-rules.md that decided, e.g. `TSI-SAT` or `CAR-IBC-POS`. */
  rule_id: string;
  is_met: boolean;
  reason: ReasonCode;
  /** The best evidence found; `null` when the record holds none. */
  evidence: Evidence | null;
}

/** The explanation of one indicator: credited or not, the deciding rule and its evidence. */
export interface IndicatorExplanation extends Outcome {
  indicator: IndicatorId;
  /** For COL-TSI: the ELA and math decisions. */
  parts?: { ela: Outcome; math: Outcome };
}

/** Builds an outcome; kept tiny because it runs for every rule of every student. */
export function outcome(
  rule_id: string,
  is_met: boolean,
  reason: ReasonCode,
  evidence: Evidence | null = null,
): Outcome {
  // The `indicator` slot is declared up front so that tagging an explanation later does not
  // change the object's shape; JSON output leaves an undefined slot out.
  return { indicator: undefined, rule_id, is_met, reason, evidence };
}

/**
 * The shared "no evidence" explanation of an indicator. Most students have no record at all
 * for most indicators, so one frozen object serves them all instead of one allocation per
 * student; results are read-only.
 *
 * @param indicator - the indicator.
 * @returns a frozen, unmet outcome tagged with the indicator.
 */
export function noEvidenceFor(indicator: IndicatorId): Outcome {
  const shared: IndicatorExplanation = {
    indicator,
    rule_id: indicator,
    is_met: false,
    reason: 'no_evidence',
    evidence: null,
  };
  return Object.freeze(shared);
}
