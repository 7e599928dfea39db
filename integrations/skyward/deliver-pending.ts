import type { Database, TenantKeys } from '../../store/index.js';
import { deliverBatch } from './deliver-batch.js';
import type { DeliveryFaults } from './delivery-faults.js';
import { prepareBatch } from './prepare-batch.js';
import {
  reconcileAcknowledgements,
  type AcknowledgementSummary,
} from './reconcile-acknowledgements.js';
import { findSkywardConnection, pinHostKey, type SkywardConnection } from './skyward-connection.js';
import { openSftpSession, type SftpSession } from './sftp-session.js';

/** The counts of one delivery run. */
export interface DeliverySummary {
  status: 'delivered' | 'nothing_pending' | 'not_connected';
  batches: number;
  records: number;
  acknowledgements: AcknowledgementSummary;
}

/** Options of a delivery run. */
export interface DeliverPendingOptions {
  /** Set by the queued job: clears the district's "job queued" flag before anything else. */
  isJobRun?: boolean;
  /** The most lines in one file (default 5,000). */
  maxRecordsPerFile?: number;
  /** Fault injection points (tests). */
  faults?: DeliveryFaults;
}

type DeliveryContext = { readonly db: Database; readonly keys: TenantKeys; now(): Date };

const NO_ACKNOWLEDGEMENTS: AcknowledgementSummary = {
  files: 0,
  accepted: 0,
  rejected: 0,
  unmatched: 0,
  invalidFiles: 0,
};

async function undeliveredBatchIds(context: DeliveryContext, tenantId: string): Promise<string[]> {
  const rows = await context.db.withTenant(tenantId, (tx) =>
    tx.query<{ id: string }>(
      "SELECT id FROM skyward_batches WHERE status = 'prepared' ORDER BY created_at, id",
    ),
  );
  return rows.map((row) => row.id);
}

async function deliverAll(
  context: DeliveryContext,
  tenantId: string,
  session: SftpSession,
  connection: SkywardConnection,
  options: DeliverPendingOptions,
): Promise<{ batches: number; records: number }> {
  const totals = { batches: 0, records: 0 };
  const send = async (batchId: string) => {
    totals.records += await deliverBatch(context, tenantId, session, batchId, {
      remoteFolder: connection.remoteFolder,
      faults: options.faults,
    });
    totals.batches += 1;
  };
  // Batches left prepared by an earlier run that stopped go first, under their own names.
  for (const batchId of await undeliveredBatchIds(context, tenantId)) await send(batchId);
  for (;;) {
    const batch = await context.db.withTenant(tenantId, (tx) =>
      prepareBatch(context, tx, {
        columnMapping: connection.columnMapping,
        fileNamePattern: connection.fileNamePattern,
        maxRecordsPerFile: options.maxRecordsPerFile ?? 5_000,
      }),
    );
    if (!batch) return totals;
    await send(batch.id);
  }
}

/**
 * Delivers the district's pending certification changes to its Skyward SFTP folder, then reads
 * back acknowledgement files. Safe to run twice at once or after a crash: batches have fixed
 * names and contents, so a second upload replaces the first with the same bytes.
 * @param context the database, keys and clock.
 * @param tenantId the district.
 * @param options see `DeliverPendingOptions`.
 * @returns the counts; `not_connected` when the district has no connection (changes wait).
 * @throws SkywardTransferFailed (ERR_SKYWARD_UNREACHABLE, ERR_SKYWARD_AUTH,
 *   ERR_SKYWARD_HOST_KEY_MISMATCH, ERR_SKYWARD_NO_POSIX_RENAME, ERR_SKYWARD_TRANSFER): nothing
 *   is lost, the changes stay pending and the job is retried.
 */
export async function deliverPending(
  context: DeliveryContext,
  tenantId: string,
  options: DeliverPendingOptions = {},
): Promise<DeliverySummary> {
  const connection = await context.db.withTenant(tenantId, async (tx) => {
    if (options.isJobRun) await tx.query('UPDATE skyward_dispatch SET is_job_queued = false');
    return findSkywardConnection(context, tx);
  });
  if (!connection) {
    return {
      status: 'not_connected',
      batches: 0,
      records: 0,
      acknowledgements: NO_ACKNOWLEDGEMENTS,
    };
  }
  const session = await openSftpSession(connection.target);
  try {
    if (!connection.target.hostKeySha256) {
      await context.db.withTenant(tenantId, (tx) => pinHostKey(tx, session.hostKeySha256));
    }
    const totals = await deliverAll(context, tenantId, session, connection, options);
    const acknowledgements = connection.ackFolder
      ? await reconcileAcknowledgements(context, tenantId, session, connection.ackFolder)
      : NO_ACKNOWLEDGEMENTS;
    return {
      status: totals.batches > 0 ? 'delivered' : 'nothing_pending',
      ...totals,
      acknowledgements,
    };
  } finally {
    session.close();
  }
}
