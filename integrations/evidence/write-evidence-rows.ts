import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import { evidenceFingerprint } from './fingerprint.js';

/** One §3 element for one student. */
export interface EvidenceRow {
  personId: string;
  kind: string;
  data: Record<string, unknown>;
}

/** Rows per INSERT statement: one JSON parameter each, so the batch size only bounds memory. */
const BATCH_ROWS = 5000;

/**
 * Inserts evidence, skipping any whose fingerprint the district already holds (idempotent).
 * Each batch travels as one JSON array expanded by `jsonb_to_recordset`, which costs far less
 * than binding thousands of parameters.
 *
 * @param tx - the district's transaction.
 * @param cipher - for stable row ids.
 * @param rows - the evidence.
 * @param meta - import id, source label and clock.
 * @returns the person id of every row actually inserted.
 */
export async function writeEvidenceRows(
  tx: TenantTransaction,
  cipher: TenantCipher,
  rows: readonly EvidenceRow[],
  meta: { importId: string | null; source: string; now: Date },
): Promise<string[]> {
  const inserted: string[] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS).map((row) => {
      const fingerprint = evidenceFingerprint(row.personId, row.kind, row.data);
      const id = cipher.rowId('evidence', fingerprint);
      return { id, person_id: row.personId, kind: row.kind, data: row.data, fingerprint };
    });
    const result = await tx.query<{ person_id: string }>(
      `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, import_id, fingerprint, recorded_at)
       SELECT $1, r.id, r.person_id, r.kind, r.data, $2, $3, r.fingerprint, $4
       FROM jsonb_to_recordset($5::jsonb) AS r (id uuid, person_id uuid, kind text, data jsonb, fingerprint text)
       ON CONFLICT (tenant_id, fingerprint) DO NOTHING
       RETURNING person_id`,
      [tx.tenantId, meta.source, meta.importId, meta.now, JSON.stringify(batch)],
    );
    for (const row of result) inserted.push(row.person_id);
  }
  return inserted;
}
