import { createHash, randomUUID } from 'node:crypto';
import type { TenantKeys, TenantTransaction } from '../../store/index.js';
import type { ColumnMapping } from './column-mapping.js';
import { renderCsv } from './render-csv.js';
import {
  WRITE_BACK_SOURCE_COLUMNS,
  WRITE_BACK_SOURCE_JOINS,
  toWriteBackLine,
  type UnsendableReason,
  type WriteBackSourceRow,
} from './write-back-source.js';
import type { WriteBackLine } from './write-back-line.js';

/** A batch ready to upload. */
export interface PreparedBatch {
  id: string;
  fileName: string;
  recordCount: number;
}

const UNSENDABLE_REASONS: Record<UnsendableReason, string> = {
  ERR_SKYWARD_STUDENT_UNKNOWN: 'the student is no longer in the roster',
  ERR_SKYWARD_STUDENT_ID_MISSING: 'the student has no state or local ID in the roster',
};

interface PendingRow extends WriteBackSourceRow {
  version: number;
  operation: string;
}

/** The file name of a batch: the district's pattern with its id and UTC day. */
export function batchFileName(pattern: string, batchId: string, createdAt: Date): string {
  const day = createdAt.toISOString().slice(0, 10).replaceAll('-', '');
  return pattern.replaceAll('{batch}', batchId).replaceAll('{date}', day);
}

async function markByKeys(
  tx: TenantTransaction,
  rows: readonly PendingRow[],
  setClause: string,
  extra: unknown[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE skyward_outbox o SET ${setClause}
     FROM unnest($1::uuid[], $2::int[]) AS k (certification_id, version)
     WHERE o.certification_id = k.certification_id AND o.version = k.version`,
    [rows.map((row) => row.certification_id), rows.map((row) => row.version), ...extra],
  );
}

/**
 * The deletes among `rows` whose record Skyward never received: no version of it was ever put
 * in a file, and none is still waiting to be. Sending them would ask Skyward to remove a record
 * it does not have. A version another delivery is preparing at this moment is still `pending`
 * as this transaction sees it, so its delete is sent.
 */
async function deletesOfUnsentRecords(
  tx: TenantTransaction,
  rows: readonly PendingRow[],
): Promise<PendingRow[]> {
  const deletes = rows.filter((row) => row.operation === 'delete');
  if (deletes.length === 0) return [];
  const found = await tx.query<{ certification_id: string }>(
    `SELECT k.certification_id FROM unnest($1::uuid[]) AS k (certification_id)
     WHERE NOT EXISTS (
       SELECT 1 FROM skyward_outbox o
        WHERE o.certification_id = k.certification_id AND o.operation = 'upsert'
          AND (o.batch_id IS NOT NULL OR o.status = 'pending'))`,
    [deletes.map((row) => row.certification_id)],
  );
  const unsent = new Set(found.map((row) => row.certification_id));
  return deletes.filter((row) => unsent.has(row.certification_id));
}

/**
 * Takes the oldest pending changes not yet in a batch, writes them into one file and keeps the
 * file (encrypted) in a new batch, so a delivery that crashes re-sends the very same bytes under
 * the same name. A change already overtaken by a newer version of its record is marked
 * `superseded`: the newer line carries the record's current state; so is the delete of a record
 * Skyward never received (nothing to remove). Changes whose student cannot
 * be identified are marked `failed` with the reason. Rows are locked with SKIP LOCKED, so two
 * deliveries never put one change in two batches.
 * @param context the keys and clock.
 * @param tx the district's transaction.
 * @param options the layout, file name pattern and the most lines per file.
 * @returns the batch, or undefined when nothing is pending.
 */
export async function prepareBatch(
  context: { readonly keys: TenantKeys; now(): Date },
  tx: TenantTransaction,
  options: { columnMapping: ColumnMapping; fileNamePattern: string; maxRecordsPerFile: number },
): Promise<PreparedBatch | undefined> {
  const rows = await tx.query<PendingRow>(
    `SELECT o.version, o.operation, ${WRITE_BACK_SOURCE_COLUMNS}
     FROM skyward_outbox o
     JOIN certifications c ON c.id = o.certification_id
     ${WRITE_BACK_SOURCE_JOINS}
     WHERE o.status = 'pending' AND o.batch_id IS NULL
     ORDER BY o.change_seq
     LIMIT $1
     FOR UPDATE OF o SKIP LOCKED`,
    [options.maxRecordsPerFile],
  );
  if (rows.length === 0) return undefined;
  const now = context.now();
  const cipher = await context.keys.cipherFor(tx);
  const superseded = rows.filter((row) => row.version < row.current_version);
  await markByKeys(tx, superseded, "status = 'superseded'", []);
  const current = rows.filter((row) => row.version === row.current_version);
  const unseen = await deletesOfUnsentRecords(tx, current);
  await markByKeys(tx, unseen, "status = 'superseded'", []);

  const lines: WriteBackLine[] = [];
  const sent: PendingRow[] = [];
  const unsendable = new Map<UnsendableReason, PendingRow[]>();
  for (const row of current.filter((candidate) => !unseen.includes(candidate))) {
    const line = toWriteBackLine(row, row, cipher);
    if (typeof line === 'string') {
      unsendable.set(line, [...(unsendable.get(line) ?? []), row]);
    } else {
      lines.push(line);
      sent.push(row);
    }
  }
  for (const [code, failed] of unsendable) {
    await markByKeys(tx, failed, "status = 'failed', failure_code = $3, failure_reason = $4", [
      code,
      UNSENDABLE_REASONS[code],
    ]);
  }
  if (lines.length === 0) return prepareBatch(context, tx, options);

  const id = randomUUID();
  const fileName = batchFileName(options.fileNamePattern, id, now);
  const content = renderCsv(lines, options.columnMapping);
  await tx.query(
    `INSERT INTO skyward_batches (tenant_id, id, file_name, record_count, content_enc,
       content_sha256, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tx.tenantId,
      id,
      fileName,
      lines.length,
      cipher.encrypt(content.toString('base64'), {
        table: 'skyward_batches',
        column: 'content_enc',
        rowId: id,
      }),
      createHash('sha256').update(content).digest('hex'),
      now,
    ],
  );
  await markByKeys(tx, sent, 'batch_id = $3', [id]);
  return { id, fileName, recordCount: lines.length };
}
