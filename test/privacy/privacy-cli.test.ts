import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../store/index.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MASTER_KEY = Buffer.alloc(32, 9).toString('base64');

/** Runs the real `ccmr` command on an embedded data folder of its own. */
function runCcmr(dataDir: string, args: string[]): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ccmr.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', DATA_DIR: dataDir, MASTER_KEY },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function summaryOf(run: Finished): Record<string, unknown> {
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('ccmr audit and ccmr privacy on the command line', function () {
  this.timeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ccmr-privacy-cli-'));

  it('exports the audit log with an anchor, then fails verification (exit 1) once the chain is cut', async () => {
    assert.equal((await runCcmr(dataDir, ['tenant', 'create', '--slug', 'cli-isd'])).code, 0);
    const out = join(dataDir, 'audit.json');
    const exported = await runCcmr(dataDir, [
      'audit',
      'export',
      '--tenant',
      'cli-isd',
      '--out',
      out,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(summaryOf(exported).isIntact, true);
    const anchor = (JSON.parse(readFileSync(out, 'utf8')) as { anchor: { seq: number } }).anchor;

    const db = await openDatabase({ dataDir, runMigrations: false });
    await db.withOwner(async (tx) => {
      await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await tx.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
      await tx.query('DELETE FROM audit_events WHERE seq = $1', [anchor.seq]);
      await tx.query('DELETE FROM audit_checkpoints');
      await tx.query('UPDATE audit_heads SET seq = seq - 1');
    });
    await db.close();

    const verified = await runCcmr(dataDir, [
      'audit',
      'verify',
      '--tenant',
      'cli-isd',
      '--anchor',
      out,
    ]);
    assert.equal(verified.code, 1);
    assert.equal(summaryOf(verified).isIntact, false);
  });

  it('refuses to offboard without the slug typed again (exit 2), then offboards with a certificate', async () => {
    const refused = await runCcmr(dataDir, [
      'privacy',
      'offboard',
      '--tenant',
      'cli-isd',
      '--mode',
      'delete',
      '--confirm',
      'oops',
    ]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /ERR_PRIVACY_BAD_CONFIRMATION/);
    const done = await runCcmr(dataDir, [
      'privacy',
      'offboard',
      '--tenant',
      'cli-isd',
      '--mode',
      'delete',
      '--confirm',
      'cli-isd',
    ]);
    assert.equal(done.code, 0, done.stderr);
    const certificate = summaryOf(done);
    assert.equal(certificate.format, 'ccmr-disposal-certificate/1');
    assert.match(String(certificate.certificateSha256), /^[0-9a-f]{64}$/);
  });
});
