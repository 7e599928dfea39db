import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ccmr` command with its own embedded data folder. */
function runCcmr(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ccmr.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ccmr command line', function () {
  this.timeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ccmr-cli-'));

  it('creates a district idempotently and lists it', async () => {
    const first = await runCcmr(
      ['tenant', 'create', '--slug', 'pecos-isd', '--name', 'Pecos ISD'],
      {
        DATA_DIR: dataDir,
      },
    );
    assert.equal(first.code, 0, first.stderr);
    const created = JSON.parse(first.stdout.trim()) as { id: string; created: boolean };
    assert.equal(created.created, true);

    const again = await runCcmr(['tenant', 'create', '--slug', 'pecos-isd'], { DATA_DIR: dataDir });
    assert.equal(
      (JSON.parse(again.stdout.trim()) as { id: string; created: boolean }).id,
      created.id,
    );

    const listed = await runCcmr(['tenant', 'list'], { DATA_DIR: dataDir });
    assert.match(listed.stdout, /"slug":"pecos-isd"/);
  });

  it('rotates data keys to a new master key, keeping them readable', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ccmr-rotate-'));
    const oldKey = Buffer.alloc(32, 1).toString('base64');
    const newKey = Buffer.alloc(32, 2).toString('base64');
    await runCcmr(['tenant', 'create', '--slug', 'rotating-isd'], {
      DATA_DIR: folder,
      MASTER_KEY: oldKey,
    });
    const rotated = await runCcmr(['keys', 'rotate'], {
      DATA_DIR: folder,
      MASTER_KEY: newKey,
      MASTER_KEYS_RETIRED: oldKey,
    });
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.deepEqual(JSON.parse(rotated.stdout.trim()), { rewrapped: 1, unreadable: [] });
    const again = await runCcmr(['keys', 'rotate'], { DATA_DIR: folder, MASTER_KEY: newKey });
    assert.deepEqual(JSON.parse(again.stdout.trim()), { rewrapped: 0, unreadable: [] });

    // Rotating on without the previous key configured opens nothing, changes nothing, exits 1.
    const thirdKey = Buffer.alloc(32, 3).toString('base64');
    const stranded = await runCcmr(['keys', 'rotate'], { DATA_DIR: folder, MASTER_KEY: thirdKey });
    assert.equal(stranded.code, 1);
    assert.equal(
      (JSON.parse(stranded.stdout.trim()) as { unreadable: string[] }).unreadable.length,
      1,
    );
  });

  it('answers --help with exit code 0', async () => {
    const result = await runCcmr(['tenant', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /create/);
  });

  it('exits 2 on a usage error and on bad input', async () => {
    assert.equal((await runCcmr(['no-such-command'])).code, 2);
    const badSlug = await runCcmr(['tenant', 'create', '--slug', 'Bad Slug!'], {
      DATA_DIR: dataDir,
    });
    assert.equal(badSlug.code, 2);
    assert.match(badSlug.stderr, /ERR_STORE_BAD_TENANT_SLUG/);
  });

  it('exits 1 listing every configuration problem', async () => {
    const result = await runCcmr(['migrate'], {
      PORT: 'x',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'production',
    });
    assert.equal(result.code, 1);
    for (const name of ['PORT', 'LOG_LEVEL', 'MASTER_KEY', 'DATABASE_URL']) {
      assert.match(result.stderr, new RegExp(name));
    }
  });

  it('refuses to open an embedded database another process holds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ccmr-lock-'));
    const server = spawn(process.execPath, ['bin/ccmr.js', 'serve'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: folder, PORT: '0', LOG_LEVEL: 'info' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('server.started')) resolve();
        });
        server.on('exit', () => reject(new Error('server exited early')));
      });
      const second = await runCcmr(['migrate'], { DATA_DIR: folder });
      assert.equal(second.code, 1);
      assert.match(second.stderr, /ERR_STORE_DATA_DIR_LOCKED/);
    } finally {
      server.kill('SIGTERM');
    }
    const exitCode = await new Promise<number | null>((resolve) => server.on('exit', resolve));
    assert.equal(exitCode, 0, 'SIGTERM stops the server cleanly');
    const afterStop = await runCcmr(['migrate'], { DATA_DIR: folder });
    assert.equal(afterStop.code, 0, 'the lock is released at shutdown');
  });
});
