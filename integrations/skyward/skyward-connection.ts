import type { TenantKeys, TenantTransaction } from '../../store/index.js';
import {
  DEFAULT_COLUMN_MAPPING,
  parseColumnMapping,
  type ColumnMapping,
} from './column-mapping.js';
import { SkywardNotConnected } from './errors.js';
import type { SftpTarget } from './sftp-session.js';

/** A district's stored connection with its secret decrypted, for delivery only. */
export interface SkywardConnection {
  target: SftpTarget;
  remoteFolder: string;
  ackFolder: string | null;
  fileNamePattern: string;
  batchWindowSeconds: number;
  columnMapping: ColumnMapping;
}

interface ConnectionRow {
  [column: string]: unknown;
  host: string;
  port: number;
  username: string;
  auth_method: 'key' | 'password';
  secret_enc: Buffer;
  host_key_sha256: string | null;
  remote_folder: string;
  ack_folder: string | null;
  file_name_pattern: string;
  batch_window_seconds: number;
  column_mapping: unknown;
}

/**
 * Reads the district's connection and decrypts its secret.
 * @param context the keys.
 * @param tx the district's transaction.
 * @returns the connection, or undefined when none is saved.
 */
export async function findSkywardConnection(
  context: { readonly keys: TenantKeys },
  tx: TenantTransaction,
): Promise<SkywardConnection | undefined> {
  const row = await tx.one<ConnectionRow>('SELECT * FROM skyward_connections');
  if (!row) return undefined;
  const cipher = await context.keys.cipherFor(tx);
  const secret = cipher.decrypt(row.secret_enc, {
    table: 'skyward_connections',
    column: 'secret_enc',
    rowId: tx.tenantId,
  })!;
  return {
    target: {
      host: row.host,
      port: row.port,
      username: row.username,
      privateKey: row.auth_method === 'key' ? secret : undefined,
      password: row.auth_method === 'password' ? secret : undefined,
      hostKeySha256: row.host_key_sha256,
    },
    remoteFolder: row.remote_folder,
    ackFolder: row.ack_folder,
    fileNamePattern: row.file_name_pattern,
    batchWindowSeconds: row.batch_window_seconds,
    columnMapping: row.column_mapping
      ? parseColumnMapping(row.column_mapping)
      : DEFAULT_COLUMN_MAPPING,
  };
}

/**
 * Reads the district's connection, which must exist.
 * @throws SkywardNotConnected (ERR_SKYWARD_NOT_CONNECTED).
 */
export async function loadSkywardConnection(
  context: { readonly keys: TenantKeys },
  tx: TenantTransaction,
): Promise<SkywardConnection> {
  const connection = await findSkywardConnection(context, tx);
  if (!connection) throw new SkywardNotConnected();
  return connection;
}

/** Pins the server's host key the first time it is seen (trust on first use). */
export async function pinHostKey(tx: TenantTransaction, hostKeySha256: string): Promise<void> {
  await tx.query(
    'UPDATE skyward_connections SET host_key_sha256 = $1 WHERE host_key_sha256 IS NULL',
    [hostKeySha256],
  );
}
