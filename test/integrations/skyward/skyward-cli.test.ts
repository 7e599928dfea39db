import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppContext } from '../../../app/app-context.js';
import { loadConfig } from '../../../app/config.js';
import { saveCertification } from '../../../integrations/certifications/index.js';
import { startSftpServer, type SftpServer } from '../../peers/sftp/start-sftp-server.js';
import { seedStudent } from '../certifications/seed-student.js';
import { operator } from './skyward-fixture.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MASTER_KEY = Buffer.alloc(32, 9).toString('base64');

describe('ccmr skyward commands', function () {
  this.timeout(300_000);
  const work = mkdtempSync(join(tmpdir(), 'ccmr-skyward-cli-'));
  const dataDir = join(work, 'data');
  let server: SftpServer;
  let inbox: string;

  function ccmr(args: string[]): Promise<Finished> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/ccmr.js', 'skyward', ...args], {
        env: {
          ...process.env,
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
          DATA_DIR: dataDir,
          MASTER_KEY,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Creates the district and a saved certification directly in the embedded database. */
  async function seedDistrict(): Promise<{ tenantId: string; certificationId: string }> {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      MASTER_KEY,
    });
    const context = await openAppContext(config);
    try {
      await context.jobs.start();
      const { createTenant } = await import('../../../store/index.js');
      const { tenant } = await createTenant(context.db, context.keys, {
        slug: 'cli-isd',
        name: 'CLI ISD',
      });
      const student = await seedStudent(context, tenant.id, {
        stateId: 'S900000001',
        localId: '7001',
      });
      const saved = await context.db.withTenant(tenant.id, (tx) =>
        saveCertification(
          context,
          tx,
          {
            personId: student.personId,
            ibcCode: 'IBC0417',
            resultCode: '01',
            earnedDate: '2026-04-20',
            schoolYear: 2026,
            source: 'staff',
          },
          operator,
        ),
      );
      return { tenantId: tenant.id, certificationId: saved.id };
    } finally {
      await context.close();
    }
  }

  before(async () => {
    server = await startSftpServer();
    inbox = join(server.root, 'cli', 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(work, 'client_key'), server.privateKey, { mode: 0o600 });
  });
  after(() => server.close());

  it('connects, tests, pushes, reports and exports a district from the command line', async () => {
    const { certificationId } = await seedDistrict();

    const missing = await ccmr([
      'connect',
      '--tenant',
      'cli-isd',
      '--host',
      server.host,
      '--user',
      'root',
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /key-file/);

    const connect = [
      'connect',
      '--tenant',
      'cli-isd',
      '--host',
      server.host,
      '--port',
      String(server.port),
    ];
    const connected = await ccmr([
      ...connect,
      '--user',
      server.username,
      '--key-file',
      join(work, 'client_key'),
      '--folder',
      inbox,
      '--batch-window-seconds',
      '0',
    ]);
    assert.equal(connected.code, 0, connected.stderr);
    assert.equal(JSON.parse(connected.stdout).connected, true);

    const tested = await ccmr(['test', '--tenant', 'cli-isd']);
    assert.equal(tested.code, 0, tested.stderr);
    assert.equal(JSON.parse(tested.stdout).code, 'ok');

    const pushed = await ccmr(['push', '--tenant', 'cli-isd']);
    assert.equal(pushed.code, 0, pushed.stderr);
    const summary = JSON.parse(pushed.stdout) as Record<string, unknown>;
    assert.equal(pushed.stdout.trim().split('\n').length, 1);
    assert.equal(summary.records, 1);
    assert.equal(summary.batches, 1);
    assert.match(
      readFileSync(join(inbox, readdirSync(inbox)[0]!), 'utf8'),
      new RegExp(`${certificationId},1,upsert,S900000001,7001,`),
    );

    const status = await ccmr(['status', '--tenant', 'cli-isd']);
    assert.equal(status.code, 0, status.stderr);
    const state = JSON.parse(status.stdout) as {
      counts: { delivered: number };
      hostKeySha256: string;
    };
    assert.equal(state.counts.delivered, 1);
    assert.equal(state.hostKeySha256, server.hostKeySha256);
    assert.ok(!status.stdout.includes('PRIVATE KEY'));

    const out = join(work, 'export.csv');
    const exported = await ccmr(['export', '--tenant', 'cli-isd', '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(JSON.parse(exported.stdout).records, 1);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.match(
      readFileSync(out, 'utf8'),
      new RegExp(`^record_id,[^\\n]*\\r\\n${certificationId},1,upsert,`),
    );

    // Delivered, not yet acknowledged: the check before a PEIMS submission blocks on it.
    const checked = await ccmr(['check', '--tenant', 'cli-isd', '--school-year', '2026']);
    assert.equal(checked.code, 0, checked.stderr);
    const lines = checked.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines
        .filter((line) => line.check === 'ibc_not_in_skyward')
        .map((line) => line.certificationId),
      [certificationId],
    );
    assert.deepEqual(
      { ...lines.at(-1), tenantId: undefined },
      {
        tenantId: undefined,
        schoolYear: 2026,
        certifications: 1,
        blocking: lines.filter((line) => line.severity === 'blocking').length,
        warning: lines.filter((line) => line.severity === 'warning').length,
        notice: 0,
      },
    );
    assert.ok(!checked.stdout.includes('S900000001'), 'no state ID on standard output');
    const badYear = await ccmr(['check', '--tenant', 'cli-isd', '--school-year', 'next']);
    assert.equal(badYear.code, 2);
    assert.match(badYear.stderr, /--school-year/);
  });

  it('exits 1 with the failing code when the test cannot reach the server', async () => {
    await server.stop();
    try {
      const tested = await ccmr(['test', '--tenant', 'cli-isd']);
      assert.equal(tested.code, 1);
      assert.equal(JSON.parse(tested.stdout).code, 'ERR_SKYWARD_UNREACHABLE');
    } finally {
      await server.start();
    }
  });
});
