import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';

/** A real OpenSSH server with its own config, host key and authorized key, on loopback. */
export interface SftpServer {
  host: string;
  port: number;
  username: string;
  /** The private key (OpenSSH format) authorised to log in. */
  privateKey: string;
  /** The server's host key fingerprint as `ssh-keygen -lf` prints it (SHA256:…). */
  hostKeySha256: string;
  /** A folder on this machine for the test's remote files (an absolute path on the server). */
  root: string;
  /** Stops the server (simulates an outage); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  close(): Promise<void>;
}

/**
 * How a client logs in to the server with its key, host key pinned: the login fields of a
 * Skyward connection, for the tests, the benchmark and the demo.
 */
export function keyLogin(server: SftpServer) {
  const { host, port, username, privateKey, hostKeySha256 } = server;
  return { host, port, username, privateKey, hostKeySha256 };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    if (Date.now() > deadline) throw new Error(`sshd did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sshdConfig(dir: string, port: number): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'Subsystem sftp internal-sftp',
    'LogLevel ERROR',
    '',
  ].join('\n');
}

/**
 * Starts `sshd -D -e -f <own config>` on a free loopback port, as the current (root) user, with
 * a host key and a client key generated for this server only. Requires Debian's openssh-server.
 * @returns the server; call `close()` in `after`.
 */
export async function startSftpServer(): Promise<SftpServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ccmr-sftp-'));
  const root = join(dir, 'remote');
  mkdirSync(root);
  // sshd refuses to start without its privilege-separation folder.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  const { stdout } = await run('ssh-keygen', [
    '-l',
    '-E',
    'sha256',
    '-f',
    join(dir, 'host_key.pub'),
  ]);
  const port = await freeLoopbackPort();
  writeFileSync(join(dir, 'sshd_config'), sshdConfig(dir, port));
  const username = (await run('id', ['-un'])).stdout.trim();

  let child: ChildProcess | undefined;
  const stderr: string[] = [];
  const start = async () => {
    child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    try {
      await waitForPort(port, 5_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${stderr.join('')}`);
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    username,
    privateKey: readFileSync(join(dir, 'client_key'), 'utf8'),
    hostKeySha256: stdout.split(' ')[1]!,
    root,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
