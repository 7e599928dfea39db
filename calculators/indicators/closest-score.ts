import { outcome, type Evidence, type Outcome, type ReasonCode } from '../outcome.js';

/**
 * Remembers the attempt that came closest to a cut (highest score ÷ cut), so that an unmet
 * indicator can still show the counselor the best result so far.
 */
export class ClosestScore {
  private ruleId = '';
  private ratio = -1;
  private evidence: Evidence | null = null;
  private reason: ReasonCode = 'below_cut';

  /**
   * Offers an attempt; it is kept when closer than every earlier one.
   *
   * @param ruleId - the rule the attempt was measured against.
   * @param ratio - score ÷ cut (below 1 when not met).
   * @param evidence - the attempt.
   * @param reason - why it did not count; `below_cut` by default.
   */
  offer(ruleId: string, ratio: number, evidence: Evidence, reason: ReasonCode = 'below_cut'): void {
    if (ratio <= this.ratio) return;
    this.ruleId = ruleId;
    this.ratio = ratio;
    this.evidence = evidence;
    this.reason = reason;
  }

  /**
   * Offers a test taken after the window closed: shown only when nothing else was offered.
   *
   * @param ruleId - the rule the test would have been measured against.
   * @param source - the record array, e.g. `sat`.
   * @param date - the test date.
   */
  offerLate(ruleId: string, source: string, date: string): void {
    this.offer(ruleId, 0, { source, date }, 'outside_window');
  }

  /**
   * The unmet outcome to report.
   *
   * @param emptyRuleId - the rule ID to cite when nothing was offered.
   * @returns the closest attempt as an unmet outcome, or `no_evidence`.
   */
  toOutcome(emptyRuleId = 'TSI-BOTH'): Outcome {
    if (this.evidence === null) return outcome(emptyRuleId, false, 'no_evidence');
    return outcome(this.ruleId, false, this.reason, this.evidence);
  }
}
