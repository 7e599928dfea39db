import type { Transaction } from '../../store/index.js';

/** The district's Skyward connection as the admin console shows it: never the secret. */
export interface ConnectionSummary {
  isConnected: boolean;
  host: string | null;
  port: number | null;
  username: string | null;
  authMethod: 'key' | 'password' | null;
  hostKeySha256: string | null;
  remoteFolder: string | null;
  ackFolder: string | null;
  fileNamePattern: string | null;
  batchWindowSeconds: number | null;
  hasColumnMapping: boolean;
  lastTestedAt: Date | null;
  /** `ok` or the error code of the last connection test. */
  lastTestCode: string | null;
  /** Latest change per certification, by status. */
  counts: { pending: number; delivered: number; acknowledged: number; failed: number };
  lastDeliveredAt: Date | null;
}

/**
 * Summarises the district's connection and delivery state.
 * @param tx the district's transaction.
 * @returns the summary; `isConnected` false (and nulls) when no connection is saved.
 */
export async function getConnectionSummary(tx: Transaction): Promise<ConnectionSummary> {
  const row = await tx.one(
    `SELECT host, port, username, auth_method, host_key_sha256, remote_folder, ack_folder,
       file_name_pattern, batch_window_seconds, column_mapping IS NOT NULL AS has_mapping,
       last_tested_at, last_test_code
     FROM skyward_connections`,
  );
  const counts = await tx.query<{ status: string; count: number }>(
    `SELECT status, count(*)::int AS count FROM (
       SELECT DISTINCT ON (certification_id) status FROM skyward_outbox
       WHERE status <> 'superseded' ORDER BY certification_id, version DESC) latest
     GROUP BY status`,
  );
  const last = await tx.one<{ at: Date | null }>(
    "SELECT max(delivered_at) AS at FROM skyward_batches WHERE status = 'delivered'",
  );
  const countOf = (status: string) => counts.find((entry) => entry.status === status)?.count ?? 0;
  return {
    isConnected: Boolean(row),
    host: (row?.host as string) ?? null,
    port: (row?.port as number) ?? null,
    username: (row?.username as string) ?? null,
    authMethod: (row?.auth_method as 'key' | 'password') ?? null,
    hostKeySha256: (row?.host_key_sha256 as string) ?? null,
    remoteFolder: (row?.remote_folder as string) ?? null,
    ackFolder: (row?.ack_folder as string) ?? null,
    fileNamePattern: (row?.file_name_pattern as string) ?? null,
    batchWindowSeconds: (row?.batch_window_seconds as number) ?? null,
    hasColumnMapping: Boolean(row?.has_mapping),
    lastTestedAt: (row?.last_tested_at as Date) ?? null,
    lastTestCode: (row?.last_test_code as string) ?? null,
    counts: {
      pending: countOf('pending'),
      delivered: countOf('delivered'),
      acknowledged: countOf('acknowledged'),
      failed: countOf('failed'),
    },
    lastDeliveredAt: last?.at ?? null,
  };
}
