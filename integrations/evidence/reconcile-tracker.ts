import { appendAudit, type TenantTransaction } from '../../store/index.js';
import type { EvidenceActor } from './evidence-context.js';

/** One indicator on which TEA's tracker and the product's result disagree for one student. */
export interface TrackerDisagreement {
  personId: string;
  /** An indicator id of ccmr-rules.md §4, or CCMR-MET. */
  indicator: string;
  tea: boolean;
  /** What the product computed; null when it holds no result for the student yet. */
  product: boolean | null;
}

/** The comparison of a district's tracker rows with its results. */
export interface TrackerReconciliation {
  students: number;
  disagreements: TrackerDisagreement[];
}

/**
 * Compares every student on the last imported TEA CCMR Tracker / Verifier file with the
 * product's stored result and lists each disagreement by student and indicator. Audited as one
 * read.
 *
 * @param tx - the district's transaction.
 * @param actor - who asked.
 * @param now - the clock.
 * @returns the students compared and the disagreements, by person then indicator.
 */
export async function reconcileTracker(
  tx: TenantTransaction,
  actor: EvidenceActor,
  now: Date,
): Promise<TrackerReconciliation> {
  const rows = await tx.query<{
    person_id: string;
    indicators: Record<string, boolean>;
    ccmr_met: boolean | null;
    credited: string[] | null;
  }>(
    `SELECT t.person_id, t.indicators, r.ccmr_met, r.result -> 'credited_indicators' AS credited
     FROM tea_tracker_rows t
     LEFT JOIN student_results r ON r.tenant_id = t.tenant_id AND r.person_id = t.person_id
     ORDER BY t.person_id`,
  );
  const disagreements: TrackerDisagreement[] = [];
  for (const row of rows) {
    for (const indicator of Object.keys(row.indicators).sort()) {
      const tea = row.indicators[indicator]!;
      const product =
        row.ccmr_met === null
          ? null
          : indicator === 'CCMR-MET'
            ? row.ccmr_met
            : (row.credited ?? []).includes(indicator);
      if (product !== tea) disagreements.push({ personId: row.person_id, indicator, tea, product });
    }
  }
  await appendAudit(
    tx,
    {
      ...actor,
      action: 'evidence.tracker.reconciled',
      resourceType: 'tea_tracker',
      detail: { students: rows.length, disagreements: disagreements.length },
    },
    now,
  );
  return { students: rows.length, disagreements };
}
