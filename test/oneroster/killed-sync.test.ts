import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../app/config.js';
import { openAppContext, type AppContext } from '../../app/app-context.js';
import { syncRoster } from '../../oneroster/index.js';
import { openDatabase, type Database } from '../../store/index.js';
import { createTestTenant, TEST_NOW } from '../support/test-context.js';
import { getTestDatabase, testBackendName } from '../support/test-database.js';
import type { RunningOneRosterServer } from '../peers/oneroster/index.js';
import {
  connectTenant,
  liveCounts,
  rosterDigest,
  smallDistrict,
  startProvider,
} from './roster-fixture.js';

const MASTER_KEY = Buffer.alloc(32, 9);

/**
 * The database the child process can open too: the PostgreSQL test database, or (PGlite) an
 * embedded one in a folder, since an in-memory database cannot be shared with another process.
 */
async function openShared(dataDir: string): Promise<{ db: Database; isOwned: boolean }> {
  if (process.env.DATABASE_URL) return { db: await getTestDatabase(), isOwned: false };
  return { db: await openDatabase({ dataDir, runMigrations: true }), isOwned: true };
}

async function contextOn(db: Database): Promise<AppContext> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    masterKey: MASTER_KEY,
  };
  return openAppContext(config, { db, now: () => TEST_NOW });
}

/** Runs `ccmr oneroster sync` in a child process and kills it with SIGKILL once it reports progress. */
function runAndKill(dataDir: string, tenantSlug: string): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MASTER_KEY: MASTER_KEY.toString('base64'),
    LOG_LEVEL: 'warn',
    DEMO: 'false',
  };
  if (!process.env.DATABASE_URL) env.DATA_DIR = dataDir;
  const child = spawn(
    process.execPath,
    ['bin/ccmr.js', 'oneroster', 'sync', '--tenant', tenantSlug, '--full'],
    { env },
  );
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/oneroster: \w+ \d+\/\d+/.test(stderr)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(stderr)
        : reject(new Error(`child ended with ${code}: ${stderr}`)),
    );
  });
}

describe(`OneRoster sync killed mid-way (${testBackendName()})`, () => {
  let dir: string;
  let server: RunningOneRosterServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ccmr-or-kill-'));
    server = await startProvider(smallDistrict(150, 13));
  });

  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends, after SIGKILL of the syncing process and a rerun, with the state of an uninterrupted sync', async function () {
    this.timeout(180_000);
    const dataDir = join(dir, 'data');
    let shared = await openShared(dataDir);
    let context = await contextOn(shared.db);
    const killed = await createTestTenant(context, 'or-killed');
    const whole = await createTestTenant(context, 'or-whole');
    await connectTenant(context, killed, server, '1.2');
    await connectTenant(context, whole, server, '1.2');
    await syncRoster(context, whole.id);
    const expected = await rosterDigest(context, whole);
    await context.close();
    if (shared.isOwned) await shared.db.close();

    server.settings.delayMs = 400;
    try {
      await runAndKill(dataDir, killed.slug);
    } finally {
      server.settings.delayMs = 0;
    }

    shared = await openShared(dataDir);
    context = await contextOn(shared.db);
    try {
      const partial = await liveCounts(context, killed);
      assert.ok(partial.orgs > 0, 'the killed process had stored its first pages');
      assert.ok(
        partial.enrollments < server.dataset.generator.plan.totals.enrollments,
        'and not the rest',
      );
      const rerun = await syncRoster(context, killed.id);
      assert.equal(rerun.mode, 'full', 'the killed run set no watermark');
      assert.equal(await rosterDigest(context, killed), expected);
      const runs = await context.db.withTenant(killed.id, (tx) =>
        tx.query<{ state: string; error_code: string | null }>(
          'SELECT state, error_code FROM oneroster_sync_runs ORDER BY started_at, state',
        ),
      );
      assert.deepEqual(runs.map((r) => r.state).sort(), ['completed', 'failed']);
    } finally {
      await context.close();
      if (shared.isOwned) await shared.db.close();
    }
  });
});
