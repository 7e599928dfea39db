/**
 * Campus dashboard benchmark: a 3,000-student high school (half graduated, half current
 * seniors, results computed by the real recompute), a counselor launched through the in-repo
 * LTI platform, then ROUNDS rounds of CONCURRENCY simultaneous dashboard requests over real
 * HTTP, sent from a worker thread so that the clients do not share the server's event loop.
 * Reports the server time per request (p50, p95, max, from the request log's durationMs),
 * the first (cold, cache-filling) request apart, requests per second and the server's busy time
 * per request (its event loop's active time: the server, the database driver included, runs on
 * the main thread; the clients do not); then the same load on
 * the LTI launch summary (a session-bearing page with no widget work) as the machine's floor,
 * and the load average, since shared machines inflate every figure.
 * Target: p95 under 100 ms with 20 concurrent requests.
 *
 * Run on PostgreSQL (the target): create a database, then
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccmr_views_bench node --import tsx bench/views/run.ts
 * Without DATABASE_URL it runs on PGlite in memory. Options: STUDENTS (3000), ROUNDS (20),
 * CONCURRENCY (20).
 */
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { closeTestDatabase } from '../../test/support/test-database.js';
import { startWidgetWorld } from '../../test/views/support/widget-launch.js';
import type { LoadOrder, LoadReport } from './load-generator.js';

const STUDENTS = Number(process.env.STUDENTS ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const ROUTE = '/widgets/campus-dashboard';
/** A session-bearing page with no widget work (the LTI launch summary): the floor under load. */
const BASELINE_ROUTE = '/widgets/launch-summary';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Server durations of the requests to `route` logged since line `from`. */
function durationsSince(lines: string[], from: number, route = ROUTE): number[] {
  return lines
    .slice(from)
    .map((line) => JSON.parse(line) as { event?: string; route?: string; durationMs?: number })
    .filter((record) => record.event === 'http.request.completed' && record.route === route)
    .map((record) => record.durationMs!);
}

/**
 * Runs ROUNDS rounds of CONCURRENCY simultaneous GETs of `url` from a worker thread (see
 * load-generator.ts), so the clients never run on the server's event loop.
 */
async function hammer(
  url: string,
  headers: Record<string, string>,
  rounds = ROUNDS,
): Promise<number> {
  const order: LoadOrder = { url, headers, rounds, concurrency: CONCURRENCY };
  // Node 20 does not apply `--import tsx` to a worker's entry, so the entry loads it by tsx.
  const entry = new URL('./load-generator.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true, workerData: order });
  try {
    const [report] = (await once(worker, 'message')) as [LoadReport];
    if ('error' in report) throw new Error(report.error);
    return report.wallSeconds;
  } finally {
    await worker.terminate();
  }
}

async function main(): Promise<void> {
  const seedStarted = Date.now();
  const world = await startWidgetWorld('bench', {
    campuses: [{ sourcedId: 'hs-bench', name: 'Bench High', students: STUDENTS }],
    sectionSize: 30,
  });
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const campus = world.district.campuses[0]!;
  const session = await world.launch('counselor', campus.counselorSourcedId);
  const headers = { accept: 'text/html', cookie: `ccmr_session=${session.token}` };
  const url = `${world.lti.toolUrl}${ROUTE}?campus=${campus.orgId}`;
  const logs = world.lti.context.logs;

  const coldFrom = logs.lines.length;
  const cold = await fetch(url, { headers });
  if (cold.status !== 200) throw new Error(`dashboard answered ${cold.status}`);
  await cold.text();
  const coldMs = durationsSince(logs.lines, coldFrom)[0];

  const from = logs.lines.length;
  const busyBefore = performance.eventLoopUtilization();
  const wallSeconds = await hammer(url, headers);
  const serverBusyMs = performance.eventLoopUtilization(busyBefore).active;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const durations = durationsSince(logs.lines, from).sort((a, b) => a - b);

  const baselineFrom = logs.lines.length;
  // Fewer rounds: the API rate limit (600 requests per client address) covers the whole run.
  await hammer(`${world.lti.toolUrl}${BASELINE_ROUTE}`, headers, 5);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const baseline = durationsSince(logs.lines, baselineFrom, BASELINE_ROUTE).sort((a, b) => a - b);

  const summary = {
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    students: STUDENTS,
    seedSeconds: Math.round(seedSeconds),
    requests: durations.length,
    concurrency: CONCURRENCY,
    coldFirstRequestMs: coldMs,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    maxMs: durations[durations.length - 1],
    requestsPerSecond: Math.round(durations.length / wallSeconds),
    serverBusyMsPerRequest: Math.round((serverBusyMs / durations.length) * 100) / 100,
    targetP95Ms: 100,
    baselineLaunchSummaryP50Ms: percentile(baseline, 50),
    baselineLaunchSummaryP95Ms: percentile(baseline, 95),
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    cpus: cpus().length,
  };
  console.log(JSON.stringify(summary));
  await world.close();
  await closeTestDatabase();
}

await main();
