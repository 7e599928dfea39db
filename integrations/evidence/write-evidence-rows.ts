import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import { evidenceFingerprint } from './fingerprint.js';

/** One §3 element for one student. */
export interface EvidenceRow {
  personId: string;
  kind: string;
  data: Record<string, unknown>;
}

/** Rows per INSERT statement: 9 parameters each, well under the protocol's 65,535 limit. */
const BATCH_ROWS = 1000;

/**
 * Inserts evidence, skipping any whose fingerprint the district already holds (idempotent).
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
    const batch = rows.slice(start, start + BATCH_ROWS);
    const params: unknown[] = [tx.tenantId, meta.source, meta.importId, meta.now];
    const tuples = batch.map((row) => {
      const fingerprint = evidenceFingerprint(row.personId, row.kind, row.data);
      const base = params.length;
      params.push(
        cipher.rowId('evidence', fingerprint),
        row.personId,
        row.kind,
        JSON.stringify(row.data),
        fingerprint,
      );
      return `($1, $${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $2, $3, $${base + 5}, $4)`;
    });
    const result = await tx.query<{ person_id: string }>(
      `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, import_id, fingerprint, recorded_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (tenant_id, fingerprint) DO NOTHING
       RETURNING person_id`,
      params,
    );
    for (const row of result) inserted.push(row.person_id);
  }
  return inserted;
}
