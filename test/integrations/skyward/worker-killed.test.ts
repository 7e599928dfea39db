import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppContext, type AppContext } from '../../../app/app-context.js';
import { loadConfig } from '../../../app/config.js';
import { saveCertification } from '../../../integrations/certifications/index.js';
import { deliverPending, saveSkywardConnection } from '../../../integrations/skyward/index.js';
import { createTenant } from '../../../store/index.js';
import { keyLogin, startSftpServer, type SftpServer } from '../../peers/sftp/start-sftp-server.js';
import { testBackendName } from '../../support/test-database.js';
import { seedStudent } from '../certifications/seed-student.js';
import { operator } from './skyward-fixture.js';

const MASTER_KEY = Buffer.alloc(32, 11).toString('base64');

describe(`Skyward delivery when the worker process is killed (${testBackendName()})`, function () {
  this.timeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ccmr-skyward-kill-'));
  const env = {
    DATA_DIR: dataDir,
    MASTER_KEY,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
  };
  let server: SftpServer;

  /** Opens the application as a fresh process would, on the same database. */
  function openProcessContext(): Promise<AppContext> {
    return openAppContext(loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  }

  function runWorkerThatDies(tenantId: string, crashAt: string): Promise<NodeJS.Signals | null> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/integrations/skyward/crash-during-delivery.ts'],
        {
          env: { ...process.env, ...env, TENANT_ID: tenantId, CRASH_AT: crashAt },
          stdio: 'inherit',
        },
      );
      child.on('exit', (_code, signal) => resolve(signal));
    });
  }

  before(async () => {
    server = await startSftpServer();
  });
  after(() => server.close());

  it('ends with every record delivered once after kills between upload and rename and between rename and record', async () => {
    const inbox = join(server.root, 'killed', 'inbox');
    mkdirSync(inbox, { recursive: true });
    const seeding = await openProcessContext();
    let tenantId: string;
    const ids: string[] = [];
    try {
      await seeding.jobs.start();
      const { tenant } = await createTenant(seeding.db, seeding.keys, {
        slug: `killed-${Date.now()}`,
        name: 'K',
      });
      tenantId = tenant.id;
      const student = await seedStudent(seeding, tenant.id, {
        stateId: 'S700000001',
        localId: '7001',
      });
      await seeding.db.withTenant(tenant.id, async (tx) => {
        await saveSkywardConnection(
          seeding,
          tx,
          {
            ...keyLogin(server),
            remoteFolder: inbox,
          },
          operator,
        );
        for (const code of ['IBC0001', 'IBC0002', 'IBC0003']) {
          const input = {
            personId: student.personId,
            ibcCode: code,
            resultCode: '01',
            earnedDate: '2026-04-20',
            schoolYear: 2026,
            source: 'staff',
          };
          ids.push((await saveCertification(seeding, tx, input, operator)).id);
        }
      });
    } finally {
      await seeding.close();
    }

    assert.equal(await runWorkerThatDies(tenantId!, 'afterUpload'), 'SIGKILL');
    assert.deepEqual(
      readdirSync(inbox).map((name) => name.endsWith('.csv.part')),
      [true],
    );
    assert.equal(await runWorkerThatDies(tenantId!, 'afterRename'), 'SIGKILL');
    const [renamed] = readdirSync(inbox);
    assert.match(renamed!, /\.csv$/);

    const restarted = await openProcessContext();
    try {
      const summary = await deliverPending(restarted, tenantId!);
      assert.equal(summary.records, 3);
      const statuses = await restarted.db.withTenant(tenantId!, (tx) =>
        tx.query<{ status: string }>('SELECT status FROM skyward_outbox'),
      );
      assert.deepEqual(
        statuses.map((row) => row.status),
        ['delivered', 'delivered', 'delivered'],
      );
    } finally {
      await restarted.close();
    }
    assert.deepEqual(readdirSync(inbox), [renamed]);
    const lines = readFileSync(join(inbox, renamed!), 'utf8').trim().split('\r\n').slice(1);
    assert.deepEqual(
      lines.map((line) => line.split(',').slice(0, 2).join(',')).sort(),
      ids.map((id) => `${id},1`).sort(),
    );
  });
});
