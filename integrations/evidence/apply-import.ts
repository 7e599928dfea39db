import { appendAudit, type TenantCipher, type TenantTransaction } from '../../store/index.js';
import type { IbcList } from '../ibc-list/index.js';
import {
  MAX_IDS_IN_PAYLOAD,
  RECOMPUTE_JOB,
  type EvidenceActor,
  type EvidenceContext,
} from './evidence-context.js';
import { canonicalJson, evidenceFingerprint } from './fingerprint.js';
import type { ImportPreview, PreparedRow } from './preview-import.js';
import { writeCertificationRow } from './write-certification-rows.js';
import { writeEvidenceRows, type EvidenceRow } from './write-evidence-rows.js';
import { writeStudentStatus } from './write-student-status.js';

/** What an applied import changed. */
export interface AppliedImport {
  importId: string;
  /** Rows that changed something (a re-import of the same file applies 0). */
  applied: number;
  affectedPersonIds: string[];
}

/** Writes every matched row to where its payload goes; returns the people changed per row. */
async function writeMatchedRows(
  context: EvidenceContext,
  tx: TenantTransaction,
  cipher: TenantCipher,
  preview: ImportPreview,
  meta: { importId: string; ibcList: IbcList; actor: EvidenceActor; now: Date },
): Promise<string[]> {
  const source = `import:${preview.importType}`;
  const evidence: EvidenceRow[] = [];
  const changed: string[] = [];
  for (const { payload, match } of preview.matched) {
    const personId = match.personId!;
    if (payload.target === 'evidence')
      evidence.push({ personId, kind: payload.kind, data: payload.data });
    else if (payload.target === 'status') {
      if (await writeStudentStatus(tx, personId, payload.fields, meta.now)) changed.push(personId);
    } else if (payload.target === 'certification') {
      const input = { personId, fields: payload.fields, ibcList: meta.ibcList, source };
      if (await writeCertificationRow(context, tx, input, meta.actor)) changed.push(personId);
    } else if (await writeTrackerRow(tx, personId, payload.indicators, meta.importId)) {
      changed.push(personId);
    }
  }
  const inserted = await writeEvidenceRows(tx, cipher, evidence, {
    importId: meta.importId,
    source,
    now: meta.now,
  });
  const withdrawn =
    preview.importType === 'pending' ? await withdrawStalePending(tx, evidence) : [];
  return [...changed, ...inserted, ...withdrawn];
}

/**
 * A pending file states everything still expected for the students it lists: their earlier
 * pending entries that it no longer carries (the exam was taken, the course finished) are removed.
 * Achieved evidence is never removed this way.
 *
 * @param tx - the district's transaction.
 * @param rows - the pending entries of the file.
 * @returns the person id of every removed entry.
 */
async function withdrawStalePending(
  tx: TenantTransaction,
  rows: readonly EvidenceRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const personIds = [...new Set(rows.map((row) => row.personId))];
  const kept = rows.map((row) => evidenceFingerprint(row.personId, row.kind, row.data));
  const removed = await tx.query<{ person_id: string }>(
    `DELETE FROM evidence
     WHERE kind = 'pending' AND person_id = ANY($1::uuid[]) AND NOT (fingerprint = ANY($2::text[]))
     RETURNING person_id`,
    [personIds, kept],
  );
  return removed.map((row) => row.person_id);
}

/**
 * Stores what TEA's tracker credits a student with (one row per student; the latest file wins).
 *
 * @param tx - the district's transaction.
 * @param personId - the student.
 * @param indicators - indicator id → credited.
 * @param importId - the import it came from.
 * @returns whether anything changed.
 */
export async function writeTrackerRow(
  tx: TenantTransaction,
  personId: string,
  indicators: Record<string, boolean>,
  importId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO tea_tracker_rows (tenant_id, person_id, indicators, import_id) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (tenant_id, person_id) DO UPDATE SET indicators = EXCLUDED.indicators, import_id = EXCLUDED.import_id
     WHERE tea_tracker_rows.indicators IS DISTINCT FROM EXCLUDED.indicators
     RETURNING person_id`,
    [tx.tenantId, personId, JSON.stringify(indicators), importId],
  );
  return rows.length > 0;
}

/** Keeps unmatched rows for staff, identity encrypted; the same row twice is kept once. */
async function writeUnmatchedRows(
  tx: TenantTransaction,
  cipher: TenantCipher,
  preview: ImportPreview,
  importId: string,
  now: Date,
): Promise<void> {
  for (const prepared of preview.unmatched) {
    const naturalKey = `${preview.importType}|${canonicalJson(prepared.identity)}|${canonicalJson(prepared.payload)}`;
    const id = cipher.rowId('evidence_unmatched', naturalKey);
    const match = prepared.match as Extract<PreparedRow['match'], { personId: null }>;
    await tx.query(
      `INSERT INTO evidence_unmatched (tenant_id, id, import_id, import_type, row_number, reason,
         candidate_person_id, identity_enc, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [
        tx.tenantId,
        id,
        importId,
        preview.importType,
        prepared.row,
        match.reason,
        match.candidatePersonId ?? null,
        cipher.encryptJson(prepared.identity, {
          table: 'evidence_unmatched',
          column: 'identity_enc',
          rowId: id,
        }),
        JSON.stringify(prepared.payload),
        now,
      ],
    );
  }
}

/**
 * Applies a clean preview inside the caller's transaction: writes the matched rows, keeps the
 * unmatched ones for staff, records the import, audits it, and queues the recompute of the
 * students whose inputs changed, all committing together.
 *
 * @param context - queue, keys, clock.
 * @param tx - the district's transaction.
 * @param preview - a preview with no errors.
 * @param meta - the IBC list in force and the actor.
 * @returns the import id, the count of rows that changed something, and the students affected.
 */
export async function applyImport(
  context: EvidenceContext,
  tx: TenantTransaction,
  preview: ImportPreview,
  meta: { ibcList: IbcList; actor: EvidenceActor },
): Promise<AppliedImport> {
  const now = context.now();
  const cipher = await context.keys.cipherFor(tx);
  const importId = cipher.rowId('evidence_import', `${preview.importType}|${preview.fileSha256}`);
  const changed = await writeMatchedRows(context, tx, cipher, preview, { importId, now, ...meta });
  await writeUnmatchedRows(tx, cipher, preview, importId, now);
  const affectedPersonIds = [...new Set(changed)];
  await tx.query(
    `INSERT INTO evidence_imports (tenant_id, id, import_type, file_sha256, row_count, applied_count,
       unmatched_count, affected_person_ids, actor_type, actor_id, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11)
     ON CONFLICT (tenant_id, id) DO NOTHING`,
    [
      tx.tenantId,
      importId,
      preview.importType,
      preview.fileSha256,
      preview.rowCount,
      changed.length,
      preview.unmatched.length,
      affectedPersonIds,
      meta.actor.actorType,
      meta.actor.actorId ?? null,
      now,
    ],
  );
  await appendAudit(
    tx,
    {
      ...meta.actor,
      action: 'evidence.imported',
      resourceType: 'evidence_import',
      resourceId: importId,
      detail: {
        importType: preview.importType,
        rows: preview.rowCount,
        applied: changed.length,
        unmatched: preview.unmatched.length,
        students: affectedPersonIds.length,
      },
    },
    now,
  );
  await enqueueRecompute(context, tx, importId, affectedPersonIds);
  return { importId, applied: changed.length, affectedPersonIds };
}

/**
 * Queues the recompute of the given students in the caller's transaction (by id list, or by the
 * import id when the list is long).
 *
 * @param context - the queue.
 * @param tx - the district's transaction.
 * @param importId - the import, or null for a single staff action.
 * @param personIds - the students whose inputs changed; nothing is queued when empty.
 */
export async function enqueueRecompute(
  context: EvidenceContext,
  tx: TenantTransaction,
  importId: string | null,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  const payload =
    personIds.length <= MAX_IDS_IN_PAYLOAD || importId === null
      ? { tenantId: tx.tenantId, personIds: [...personIds] }
      : { tenantId: tx.tenantId, importId };
  await context.jobs.enqueue(tx, RECOMPUTE_JOB, payload);
}
