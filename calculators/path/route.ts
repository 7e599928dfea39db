/** One thing a route still needs, with the best result so far. */
export interface MissingPiece {
  /** Short machine label: `tsi_ela`, `tsi_math`, `ap_or_ib_score`, `pos_status`, … */
  part: string;
  /** The rule that sets the bar. */
  rule_id: string;
  /** What would close the gap, e.g. `SAT EBRW ≥ 480`. */
  needs: string;
  /** The best value so far, e.g. 460; `null` when there is none. */
  best_so_far: number | string | null;
  /** Where the best value came from, e.g. `sat 2023-10-07`. */
  best_source: string | null;
}

/** One open way for a student to become CCMR-met, ranked by how close they are. */
export interface ReadinessRoute {
  /** Stable id: `tsi`, `ap_ib`, `dual_credit`, `onramps`, `associate_degree`, `ibc`, `level_certificate`, `sped_advanced_plan`, `military`. */
  route_id: string;
  /** The indicator's rule ID, e.g. `COL-TSI`. */
  rule_id: string;
  /** 0 (nothing yet) to just under 1 (one small step left). */
  closeness: number;
  /** Parts already met, e.g. `tsi_math`. */
  met_parts: string[];
  missing: MissingPiece[];
  /** Last day the route can still be completed for this accountability year; `null` if none. */
  closes_at: string | null;
  /** English sentence for display. */
  summary: string;
}

/** A student's path to readiness. */
export interface ReadinessPath {
  student_id?: string;
  accountability_year: number;
  is_ready: boolean;
  /** Open routes, closest first; empty when the student is ready. */
  routes: ReadinessRoute[];
  summary: string;
}

/**
 * The ratio of a best score to its cut, kept below 1 while unmet so that a met part always
 * ranks above an unmet one.
 *
 * @param best - best value so far, or `null`.
 * @param cut - the value needed.
 * @returns a closeness in [0, 0.99].
 */
export function ratioOf(best: number | null, cut: number): number {
  if (best === null || cut <= 0) return 0;
  return Math.max(0, Math.min(0.99, best / cut));
}
