import { createHash } from 'node:crypto';
import { appendAudit, type Database, type TenantKeys } from '../../store/index.js';
import type { DeliveryFaults } from './delivery-faults.js';
import type { SftpSession } from './sftp-session.js';

/** A prepared batch as stored. */
interface BatchRow {
  [column: string]: unknown;
  id: string;
  file_name: string;
  record_count: number;
  content_enc: Buffer;
  content_sha256: string;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Whether the final file is already there with these bytes: renamed before a crash. */
async function isAlreadyInPlace(
  session: SftpSession,
  path: string,
  content: Buffer,
): Promise<boolean> {
  const size = await session.sizeOf(path);
  if (size !== content.length) return false;
  return sha256(await session.readFile(path)) === sha256(content);
}

async function markDelivered(
  context: { readonly db: Database; now(): Date },
  tenantId: string,
  batch: BatchRow,
): Promise<void> {
  const now = context.now();
  await context.db.withTenant(tenantId, async (tx) => {
    await tx.query(
      `UPDATE skyward_batches SET status = 'delivered', delivered_at = $2, content_enc = NULL,
         attempts = attempts + 1, last_error_code = NULL
       WHERE id = $1`,
      [batch.id, now],
    );
    await tx.query(
      `UPDATE skyward_outbox SET status = 'delivered', delivered_at = $2
       WHERE batch_id = $1 AND status = 'pending'`,
      [batch.id, now],
    );
    await appendAudit(
      tx,
      {
        actorType: 'system',
        actorId: 'skyward.deliver',
        action: 'skyward.batch.delivered',
        resourceType: 'skyward_batch',
        resourceId: batch.id,
        detail: { records: batch.record_count },
      },
      now,
    );
  });
}

/**
 * Delivers one prepared batch: writes `NAME.part`, renames it to `NAME` with a POSIX rename (so
 * Skyward never reads a partial file), then marks its changes delivered. Re-running it after a
 * crash at any point converges: the same bytes go to the same name, and a file already renamed
 * is recognised by its content and not sent again.
 * @param context the database, keys and clock.
 * @param tenantId the district.
 * @param session an open SFTP session.
 * @param batchId the batch.
 * @param options the remote folder and, in tests, injected faults.
 * @returns the number of records delivered.
 * @throws SkywardTransferFailed when a file operation fails (the batch stays prepared).
 */
export async function deliverBatch(
  context: { readonly db: Database; readonly keys: TenantKeys; now(): Date },
  tenantId: string,
  session: SftpSession,
  batchId: string,
  options: { remoteFolder: string; faults?: DeliveryFaults },
): Promise<number> {
  const { batch, content } = await context.db.withTenant(tenantId, async (tx) => {
    const row = await tx.one<BatchRow>(
      "SELECT * FROM skyward_batches WHERE id = $1 AND status = 'prepared'",
      [batchId],
    );
    if (!row) return { batch: undefined, content: Buffer.alloc(0) };
    const cipher = await context.keys.cipherFor(tx);
    const base64 = cipher.decrypt(row.content_enc, {
      table: 'skyward_batches',
      column: 'content_enc',
      rowId: row.id,
    })!;
    return { batch: row, content: Buffer.from(base64, 'base64') };
  });
  if (!batch) return 0;

  const finalPath = `${options.remoteFolder.replace(/\/+$/, '')}/${batch.file_name}`;
  try {
    if (!(await isAlreadyInPlace(session, finalPath, content))) {
      await session.writeFile(`${finalPath}.part`, content);
      await options.faults?.afterUpload?.(batch.id);
      await session.posixRename(`${finalPath}.part`, finalPath);
    }
    await options.faults?.afterRename?.(batch.id);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'ERR_SKYWARD_TRANSFER';
    await context.db.withTenant(tenantId, (tx) =>
      tx.query(
        'UPDATE skyward_batches SET attempts = attempts + 1, last_error_code = $2 WHERE id = $1',
        [batch.id, code],
      ),
    );
    throw error;
  }
  await markDelivered(context, tenantId, batch);
  return batch.record_count;
}
