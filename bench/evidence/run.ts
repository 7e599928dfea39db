/**
 * Evidence import benchmark: a 50,000-row College Board SAT file (25,000 students, two
 * administrations each) imported into one district: matching by state ID, validation, and the
 * apply transaction with its recompute job queued. Then the same file again (the idempotent
 * re-import). Embedded database in memory, or PostgreSQL when DATABASE_URL is set.
 *
 *   node --import tsx bench/evidence/run.ts [rows]
 *
 * Prints one JSON line: wall time and rows per second of each phase.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { openAppContext } from '../../app/app-context.js';
import { loadConfig } from '../../app/config.js';
import { importEvidenceFile } from '../../integrations/evidence/index.js';
import { createTenant, type Database, type TenantKeys } from '../../store/index.js';
import { generateEvidenceFile } from '../../test/integrations/evidence/support/generate-evidence-files.js';
import {
  makeStudents,
  type SampleStudent,
} from '../../test/integrations/evidence/support/seed-students.js';

const ROWS = Number(process.argv[2] ?? 50_000);
const STUDENTS = Math.ceil(ROWS / 2);
const BATCH = 1_000;

/** Stores students in batches as the roster would (state ID blind index is what matching uses). */
async function seedStudents(
  ctx: { db: Database; keys: TenantKeys },
  tenantId: string,
  students: SampleStudent[],
) {
  for (let offset = 0; offset < students.length; offset += BATCH) {
    await ctx.db.withTenant(tenantId, async (tx) => {
      const cipher = await ctx.keys.cipherFor(tx);
      const params: unknown[] = [tenantId];
      const tuples = students.slice(offset, offset + BATCH).map((s) => {
        const base = params.length;
        params.push(
          s.personId,
          randomUUID(),
          cipher.blindIndex('state_id', s.stateId),
          cipher.blindIndex('local_id', s.localId),
        );
        return `($1, $${base + 1}, $${base + 2}, 'student', $${base + 3}, $${base + 4})`;
      });
      await tx.query(
        `INSERT INTO people (tenant_id, id, sourced_id, role, state_id_bidx, local_id_bidx) VALUES ${tuples.join(', ')}`,
        params,
      );
    });
  }
}

/** Wall time and this process's CPU time (the machine may be shared; CPU time is the own cost). */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
    value,
  };
}

const config = {
  ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL }),
  masterKey: randomBytes(32),
};
const context = await openAppContext(config, { inMemory: true });
await context.jobs.start();
const { tenant } = await createTenant(context.db, context.keys, {
  slug: `bench-${randomUUID().slice(0, 8)}`,
  name: 'Bench ISD',
});
const students = makeStudents(STUDENTS, 'B');
const seeded = await timed(() => seedStudents(context, tenant.id, students));
const file = generateEvidenceFile('sat', students, { seed: 7, rowsPerStudent: 2 }).split('\n');
const csv = [file[0], ...file.slice(1, ROWS + 1)].join('\n');
const request = {
  type: 'sat',
  fileName: 'sat-bench.csv',
  content: csv,
  actor: { actorType: 'cli' as const },
};

const dryRun = await timed(() =>
  importEvidenceFile(context, tenant.id, { ...request, isDryRun: true }),
);
const first = await timed(() => importEvidenceFile(context, tenant.id, request));
const again = await timed(() => importEvidenceFile(context, tenant.id, request));
const perSecond = (ms: number) => Math.round((first.value.rows / ms) * 1000);

process.stdout.write(
  `${JSON.stringify({
    bench: 'evidence.import.sat',
    database: context.db.kind,
    rows: first.value.rows,
    students: STUDENTS,
    seedMs: seeded.ms,
    dryRunMs: dryRun.ms,
    dryRunCpuMs: dryRun.cpuMs,
    importMs: first.ms,
    importRowsPerSecond: perSecond(first.ms),
    importCpuMs: first.cpuMs,
    applied: first.value.applied,
    reimportMs: again.ms,
    reimportRowsPerSecond: perSecond(again.ms),
    reimportCpuMs: again.cpuMs,
    reimportApplied: again.value.applied,
  })}\n`,
);
await context.close();
