/**
 * OneRoster benchmark: a district of 200,000 students (about 1.4 million student enrollments)
 * synced from the in-repo provider over loopback into a real PostgreSQL server, then the same
 * district imported from a CSV zip. Each phase runs in its own process so its peak RSS is its own.
 * Targets: REST sync under 3 minutes and under 500 MB RSS; CSV import under 2 minutes.
 *
 *   node --import tsx bench/oneroster/run.ts [students] [postgres admin URL]
 *
 * Creates (and drops first) the database ccmr_bench_oneroster. Prints one JSON line per phase
 * and a summary line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openAppContext, type AppContext } from '../../app/app-context.js';
import { loadConfig } from '../../app/config.js';
import {
  importRosterZip,
  saveConnection,
  syncRoster,
  validateConnection,
  type SyncCounts,
} from '../../oneroster/index.js';
import { createTenant } from '../../store/index.js';
import {
  DistrictDataset,
  DistrictGenerator,
  writeDistrictZip,
} from '../../test/peers/oneroster/index.js';

const DATABASE = 'ccmr_bench_oneroster';
const MASTER_KEY = randomBytes(32).toString('base64');

function rowsOf(counts: SyncCounts): number {
  return Object.values(counts).reduce((sum, c) => sum + c.created + c.updated + c.unchanged, 0);
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function openContext(databaseUrl: string): Promise<AppContext> {
  const config = {
    ...loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'development' }),
    masterKey: Buffer.from(MASTER_KEY, 'base64'),
  };
  return openAppContext(config);
}

/** Phase run in a child: the REST sync. */
async function syncPhase(databaseUrl: string, url: string, tokenUrl: string): Promise<object> {
  const context = await openContext(databaseUrl);
  const { tenant } = await createTenant(context.db, context.keys, {
    slug: 'bench-rest',
    name: 'Bench REST ISD',
  });
  const connection = validateConnection({
    version: '1.2',
    baseUrl: url,
    tokenUrl,
    clientId: 'bench-client',
    clientSecret: 'bench-secret',
  });
  await context.db.withTenant(tenant.id, async (tx) =>
    saveConnection(tx, await context.keys.cipherFor(tx), connection, context.now()),
  );
  const cpu = process.cpuUsage();
  const started = performance.now();
  let lastReport = 0;
  const run = await syncRoster(context, tenant.id, {
    full: true,
    client: { pageSize: 2500 },
    onProgress: (p) => {
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        process.stderr.write(
          `sync: ${p.entity} ${p.processed}/${p.total} (${p.percent}%) rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`,
        );
      }
    },
  });
  const ms = performance.now() - started;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  await context.close();
  const rows = rowsOf(run.counts);
  return {
    phase: 'rest-sync',
    seconds: +(ms / 1000).toFixed(1),
    cpuSeconds: +(cpuMs / 1000).toFixed(1),
    rows,
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    peakRssMb: peakRssMb(),
    counts: run.counts,
  };
}

/** Phase run in a child: the CSV import of the zip. */
async function csvPhase(databaseUrl: string, zipPath: string): Promise<object> {
  const context = await openContext(databaseUrl);
  const { tenant } = await createTenant(context.db, context.keys, {
    slug: 'bench-csv',
    name: 'Bench CSV ISD',
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let lastReport = 0;
  const run = await importRosterZip(context, tenant.id, zipPath, {
    onProgress: (p) => {
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        process.stderr.write(
          `csv: ${p.entity} ${p.rows} rows, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`,
        );
      }
    },
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await context.close();
  const rows = rowsOf(run.counts);
  return {
    phase: 'csv-import',
    seconds: +(ms / 1000).toFixed(1),
    cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1),
    rows,
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    peakRssMb: peakRssMb(),
    zipMb: Math.round(statSync(zipPath).size / 1048576),
  };
}

/** Phase run in a child: writing the district's CSV zip (not part of the import's time). */
async function zipPhase(students: number, campuses: number, zipPath: string): Promise<object> {
  const started = performance.now();
  await writeDistrictZip(
    new DistrictDataset(new DistrictGenerator({ seed: 2027, students, campuses })),
    zipPath,
    '1.1',
  );
  return {
    phase: 'write-zip',
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    zipMb: Math.round(statSync(zipPath).size / 1048576),
  };
}

function runChild(args: string[]): Promise<object> {
  return new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof") reaches the measured phases only, not the provider.
    const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(
      process.execPath,
      [...extra, '--import', 'tsx', 'bench/oneroster/run.ts', ...args],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!))
        : reject(new Error(`phase ${args[1]} exited ${code}`)),
    );
  });
}

async function startProviderProcess(
  students: number,
): Promise<{ child: ChildProcess; url: string; tokenUrl: string; campuses: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/oneroster/serve-district.ts', String(students)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).once('line', resolve),
  );
  return { child, ...(JSON.parse(first) as { url: string; tokenUrl: string; campuses: number }) };
}

async function recreateDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--phase') {
    const [phase, ...args] = rest;
    const result =
      phase === 'sync'
        ? await syncPhase(args[0]!, args[1]!, args[2]!)
        : phase === 'zip'
          ? await zipPhase(Number(args[0]), Number(args[1]), args[2]!)
          : await csvPhase(args[0]!, args[1]!);
    // The machine is shared: the 1-minute load average at the end says how busy it was.
    process.stdout.write(
      `${JSON.stringify({ ...result, loadAverage: +loadavg()[0]!.toFixed(2) })}\n`,
    );
    process.exit(0);
  }
  const students = Number(first ?? 200_000);
  const databaseUrl = await recreateDatabase(
    rest[0] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const zipPath = join(tmpdir(), `ccmr-bench-oneroster-${students}.zip`);
  const provider = await startProviderProcess(students);
  let sync: object;
  try {
    sync = await runChild(['--phase', 'sync', databaseUrl, provider.url, provider.tokenUrl]);
  } finally {
    provider.child.stdin!.end();
  }
  process.stdout.write(`${JSON.stringify(sync)}\n`);
  const zip = await runChild([
    '--phase',
    'zip',
    String(students),
    String(provider.campuses),
    zipPath,
  ]);
  process.stdout.write(`${JSON.stringify(zip)}\n`);
  const csv = await runChild(['--phase', 'csv', databaseUrl, zipPath]);
  process.stdout.write(`${JSON.stringify(csv)}\n`);
  rmSync(zipPath, { force: true });
  process.stdout.write(
    `${JSON.stringify({ students, targets: { restSyncSeconds: 180, restSyncPeakRssMb: 500, csvImportSeconds: 120 } })}\n`,
  );
}

await main();
