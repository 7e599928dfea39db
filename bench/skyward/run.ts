/**
 * Skyward write-back benchmark: 10,000 certification records from save to delivered file.
 * Saves them (sets of 100 per transaction through `saveCertifications`, as an import does;
 * each change audited and queued in the outbox), then delivers every pending change to a real
 * OpenSSH SFTP server on loopback, and checks that the files hold each record exactly once. Embedded database by default; the
 * PostgreSQL server when DATABASE_URL is set.
 *
 *   node --import tsx bench/skyward/run.ts [records] [recordsPerFile]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAppContext, type AppContext } from '../../app/app-context.js';
import { loadConfig } from '../../app/config.js';
import { saveCertifications } from '../../integrations/certifications/index.js';
import { deliverPending, saveSkywardConnection } from '../../integrations/skyward/index.js';
import { createTenant } from '../../store/index.js';
import { keyLogin, startSftpServer } from '../../test/peers/sftp/start-sftp-server.js';

const RECORDS = Number(process.argv[2] ?? 10_000);
const PER_FILE = Number(process.argv[3] ?? 5_000);
const SAVES_PER_TRANSACTION = 100;
const STUDENTS = Math.ceil(RECORDS / 4);
const actor = { actorType: 'system' as const, actorId: 'bench' };

async function seedStudents(context: AppContext, tenantId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < STUDENTS; offset += 500) {
    await context.db.withTenant(tenantId, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (let index = offset; index < Math.min(offset + 500, STUDENTS); index += 1) {
        const id = cipher.rowId('person', `bench-${index}`);
        const at = (column: string) => ({ table: 'people', column, rowId: id });
        const row = [
          tenantId,
          id,
          `bench-${index}`,
          'student',
          cipher.encrypt(`S${String(index).padStart(9, '0')}`, at('state_id_enc')),
          cipher.encrypt(String(100_000 + index), at('local_id_enc')),
        ];
        tuples.push(`(${row.map((_, k) => `$${params.length + k + 1}`).join(',')})`);
        params.push(...row);
        ids.push(id);
      }
      await tx.query(
        `INSERT INTO people (tenant_id, id, sourced_id, role, state_id_enc, local_id_enc)
         VALUES ${tuples.join(',')}`,
        params,
      );
    });
  }
  return ids;
}

function certificationInput(index: number, students: string[]) {
  return {
    sourceKey: `bench-cert-${index}`,
    personId: students[index % students.length]!,
    ibcCode: `IBC${String(index % 300).padStart(4, '0')}`,
    vendorCode: `V${index % 40}`,
    examFeeCents: 5_000 + (index % 100) * 100,
    resultCode: index % 5 === 0 ? '02' : '01',
    examDate: '2026-04-10',
    earnedDate: index % 5 === 0 ? null : '2026-04-20',
    schoolYear: 2026,
    source: 'bench',
  };
}

async function saveAll(context: AppContext, tenantId: string, students: string[]): Promise<void> {
  for (let offset = 0; offset < RECORDS; offset += SAVES_PER_TRANSACTION) {
    const inputs: ReturnType<typeof certificationInput>[] = [];
    for (
      let index = offset;
      index < Math.min(offset + SAVES_PER_TRANSACTION, RECORDS);
      index += 1
    ) {
      inputs.push(certificationInput(index, students));
    }
    await context.db.withTenant(tenantId, (tx) => saveCertifications(context, tx, inputs, actor));
  }
}

async function main(): Promise<void> {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env.DATABASE_URL,
    }),
    masterKey: Buffer.alloc(32, 3),
  };
  const context = await openAppContext(config, { inMemory: true });
  const server = await startSftpServer();
  try {
    await context.jobs.start();
    const { tenant } = await createTenant(context.db, context.keys, {
      slug: `bench-skyward-${Date.now()}`,
      name: 'Bench ISD',
    });
    const students = await seedStudents(context, tenant.id);
    await context.db.withTenant(tenant.id, (tx) =>
      saveSkywardConnection(
        context,
        tx,
        {
          ...keyLogin(server),
          remoteFolder: server.root,
        },
        actor,
      ),
    );

    const savedAt = performance.now();
    await saveAll(context, tenant.id, students);
    const saveMs = performance.now() - savedAt;
    const deliveredAt = performance.now();
    const summary = await deliverPending(context, tenant.id, { maxRecordsPerFile: PER_FILE });
    const deliverMs = performance.now() - deliveredAt;

    const files = readdirSync(server.root);
    const lines = files.flatMap((name) =>
      readFileSync(join(server.root, name), 'utf8').trim().split('\r\n').slice(1),
    );
    const distinct = new Set(lines.map((line) => line.split(',').slice(0, 2).join(',')));
    if (lines.length !== RECORDS || distinct.size !== RECORDS) {
      throw new Error(
        `expected ${RECORDS} distinct lines, found ${lines.length} (${distinct.size} distinct)`,
      );
    }
    const report = {
      backend: context.db.kind,
      records: RECORDS,
      files: files.length,
      saveMs: Math.round(saveMs),
      savesPerSecond: Math.round(RECORDS / (saveMs / 1000)),
      deliverMs: Math.round(deliverMs),
      totalMs: Math.round(saveMs + deliverMs),
      delivered: summary.records,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await server.close();
    await context.close();
  }
}

await main();
