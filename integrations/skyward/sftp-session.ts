import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import type { SFTPWrapper } from 'ssh2';
import { SkywardTransferFailed } from './errors.js';

/** How to reach and log in to an SFTP server. */
export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  privateKey?: string;
  password?: string;
  /** OpenSSH-style `SHA256:…` fingerprint the server's key must have; absent = accept and report. */
  hostKeySha256?: string | null;
  readyTimeoutMs?: number;
}

/** An open SFTP channel with the few operations delivery uses, as promises. */
export interface SftpSession {
  /** The fingerprint of the server's host key, as `SHA256:…` (like `ssh-keygen -lf`). */
  readonly hostKeySha256: string;
  readonly isPosixRenameSupported: boolean;
  writeFile(path: string, data: Buffer): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** Size of a file, or undefined when there is none. */
  sizeOf(path: string): Promise<number | undefined>;
  isDirectory(path: string): Promise<boolean>;
  listFiles(folder: string): Promise<string[]>;
  /** Replaces `to` atomically (posix-rename@openssh.com), so readers never see a partial file. */
  posixRename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  close(): void;
}

/** SFTP status code 2: no such file (draft-ietf-secsh-filexfer-02 §7). */
const SFTP_NO_SUCH_FILE = 2;

function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

function transferError(action: string, error: unknown): SkywardTransferFailed {
  return new SkywardTransferFailed('ERR_SKYWARD_TRANSFER', `SFTP ${action} failed`, {
    cause: error,
  });
}

function promised<T>(
  action: string,
  run: (done: (error?: Error | null, value?: T) => void) => void,
) {
  return new Promise<T>((resolve, reject) =>
    run((error, value) => (error ? reject(transferError(action, error)) : resolve(value as T))),
  );
}

function wrap(client: ssh2.Client, sftp: SFTPWrapper, hostKeySha256: string): SftpSession {
  // ssh2 keeps the server's advertised SFTP extensions here and exposes no accessor for them.
  const extensions =
    (sftp as unknown as { _extensions?: Record<string, string> })._extensions ?? {};
  return {
    hostKeySha256,
    isPosixRenameSupported: extensions['posix-rename@openssh.com'] === '1',
    writeFile: (path, data) => promised('write', (done) => sftp.writeFile(path, data, done)),
    readFile: (path) => promised<Buffer>('read', (done) => sftp.readFile(path, done)),
    sizeOf: (path) =>
      new Promise((resolve, reject) =>
        sftp.stat(path, (error, stats) => {
          if (!error) return resolve(stats.size);
          const code = (error as Error & { code?: number }).code;
          return code === SFTP_NO_SUCH_FILE
            ? resolve(undefined)
            : reject(transferError('stat', error));
        }),
      ),
    isDirectory: (path) =>
      new Promise((resolve) =>
        sftp.stat(path, (error, stats) => resolve(!error && stats.isDirectory())),
      ),
    listFiles: (folder) =>
      promised<string[]>('list', (done) =>
        sftp.readdir(folder, (error, list) =>
          done(
            error,
            list?.filter((entry) => entry.longname.startsWith('-')).map((e) => e.filename),
          ),
        ),
      ),
    posixRename: (from, to) => {
      if (extensions['posix-rename@openssh.com'] !== '1') {
        return Promise.reject(
          new SkywardTransferFailed(
            'ERR_SKYWARD_NO_POSIX_RENAME',
            'the SFTP server has no POSIX rename',
          ),
        );
      }
      return promised('rename', (done) => sftp.ext_openssh_rename(from, to, done));
    },
    remove: (path) => promised('remove', (done) => sftp.unlink(path, done)),
    close: () => client.end(),
  };
}

function connectError(error: Error & { level?: string }, isHostKeyRejected: boolean) {
  if (isHostKeyRejected) {
    return new SkywardTransferFailed(
      'ERR_SKYWARD_HOST_KEY_MISMATCH',
      'the SFTP server presented a host key other than the recorded one',
    );
  }
  if (error.level === 'client-authentication') {
    return new SkywardTransferFailed('ERR_SKYWARD_AUTH', 'the SFTP server refused the login', {
      cause: error,
    });
  }
  return new SkywardTransferFailed(
    'ERR_SKYWARD_UNREACHABLE',
    'the SFTP server could not be reached',
    {
      cause: error,
    },
  );
}

/**
 * Connects, logs in and opens the SFTP subsystem.
 * @param target host, port, credentials and the expected host key.
 * @returns an open session; call `close()` when done.
 * @throws SkywardTransferFailed (ERR_SKYWARD_UNREACHABLE, ERR_SKYWARD_AUTH,
 *   ERR_SKYWARD_HOST_KEY_MISMATCH, ERR_SKYWARD_TRANSFER).
 */
export function openSftpSession(target: SftpTarget): Promise<SftpSession> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let hostKeySha256 = '';
    let isHostKeyRejected = false;
    let isSettled = false;
    const fail = (error: unknown) => {
      if (isSettled) return;
      isSettled = true;
      client.end();
      reject(error);
    };
    client.on('error', (error: Error & { level?: string }) =>
      fail(connectError(error, isHostKeyRejected)),
    );
    client.on('close', () => fail(connectError(new Error('connection closed'), isHostKeyRejected)));
    client.on('ready', () =>
      client.sftp((error, sftp) => {
        if (error) return fail(transferError('subsystem', error));
        isSettled = true;
        resolve(wrap(client, sftp, hostKeySha256));
      }),
    );
    client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      privateKey: target.privateKey,
      password: target.password,
      readyTimeout: target.readyTimeoutMs ?? 10_000,
      hostVerifier: (key: Buffer) => {
        hostKeySha256 = fingerprintOf(key);
        isHostKeyRejected = Boolean(target.hostKeySha256) && target.hostKeySha256 !== hostKeySha256;
        return !isHostKeyRejected;
      },
    });
  });
}
