import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  isAppError,
  type AuditEvent,
  type Database,
  type TenantKeys,
} from '../../store/index.js';
import { SkywardTransferFailed } from './errors.js';
import { loadSkywardConnection, pinHostKey } from './skyward-connection.js';
import { openSftpSession, type SftpSession } from './sftp-session.js';

/** The outcome of a connection test. */
export interface ConnectionTestResult {
  isOk: boolean;
  /** `ok`, or the error code of the step that failed. */
  code: string;
  hostKeySha256: string | null;
  isPosixRenameSupported: boolean;
  latencyMs: number;
}

/** Writes a probe as `.part`, renames it the way deliveries do, and removes it. */
async function probeFolder(session: SftpSession, folder: string): Promise<void> {
  if (!(await session.isDirectory(folder))) {
    throw new SkywardTransferFailed(
      'ERR_SKYWARD_FOLDER_MISSING',
      'the remote folder does not exist',
    );
  }
  const probe = `${folder.replace(/\/+$/, '')}/.ccmr-connection-test-${randomUUID()}`;
  await session.writeFile(`${probe}.part`, Buffer.from('connection test\n'));
  try {
    await session.posixRename(`${probe}.part`, probe);
    await session.remove(probe);
  } catch (error) {
    await session.remove(`${probe}.part`).catch(() => undefined);
    throw error;
  }
}

/**
 * Tests the district's connection end to end: reach the server, log in, check the host key,
 * open SFTP, find the folder, write and POSIX-rename a probe file, remove it. Records the
 * outcome on the connection and in the audit trail. Connection problems are answered, not
 * thrown.
 * @param context the database, keys and clock.
 * @param tenantId the district.
 * @param actor who asked.
 * @returns the outcome with the failing step's code.
 * @throws SkywardNotConnected (ERR_SKYWARD_NOT_CONNECTED) when no connection is saved.
 */
export async function testSkywardConnection(
  context: { readonly db: Database; readonly keys: TenantKeys; now(): Date },
  tenantId: string,
  actor: Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>,
): Promise<ConnectionTestResult> {
  const connection = await context.db.withTenant(tenantId, (tx) =>
    loadSkywardConnection(context, tx),
  );
  const startedMs = Date.now();
  const result: ConnectionTestResult = {
    isOk: false,
    code: 'ok',
    hostKeySha256: null,
    isPosixRenameSupported: false,
    latencyMs: 0,
  };
  let session: SftpSession | undefined;
  try {
    session = await openSftpSession({ ...connection.target, readyTimeoutMs: 5_000 });
    result.hostKeySha256 = session.hostKeySha256;
    result.isPosixRenameSupported = session.isPosixRenameSupported;
    await probeFolder(session, connection.remoteFolder);
    result.isOk = true;
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.code = error.code;
  } finally {
    session?.close();
  }
  result.latencyMs = Date.now() - startedMs;
  const now = context.now();
  await context.db.withTenant(tenantId, async (tx) => {
    await tx.query('UPDATE skyward_connections SET last_tested_at = $1, last_test_code = $2', [
      now,
      result.code,
    ]);
    if (result.isOk && !connection.target.hostKeySha256)
      await pinHostKey(tx, result.hostKeySha256!);
    await appendAudit(
      tx,
      {
        ...actor,
        action: 'skyward.connection.tested',
        resourceType: 'skyward_connection',
        resourceId: tenantId,
        outcome: result.isOk ? 'ok' : 'failed',
        detail: { code: result.code },
      },
      now,
    );
  });
  return result;
}
