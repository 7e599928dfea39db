/**
 * LTI launch benchmark: OIDC login plus launch at the real HTTP endpoints, with the platform's
 * JWKS already cached, 50 launches at a time. Reports the server time of login + launch per
 * launch (p50, p95, max, from the request log's durationMs: the tool's own time from the first
 * middleware to the last byte of the answer), and launches per second. Target: p95 under 20 ms.
 *
 * The tool server, its database and the in-repo platform run in this process; the browsers
 * (HTTP clients with cookie jars) run in a worker thread, as an external load generator would,
 * so their CPU does not run on the server's event loop. Each round: 50 logins at once, then the
 * platform signs the 50 id_tokens (not the tool's time, outside the measured phases), then 50
 * launches at once. One unmeasured round first warms up both sides.
 *
 * Run: `node --import tsx bench/lti/run.ts` (PGlite in memory), or with
 * DATABASE_URL=postgres://… for PostgreSQL. Options: ROUNDS (default 4), CONCURRENCY (50).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  startLtiHarness,
  registerManually,
  startLogin,
  postIdToken,
  INSTRUCTOR,
  type LtiHarness,
} from '../../test/lti/support/lti-harness.js';
import { seedRoster, ROSTER } from '../../test/lti/support/roster-fixture.js';
import { closeTestDatabase } from '../../test/support/test-database.js';
import type { ToolClient } from '../../test/peers/lti-platform/lti-platform.js';
import type { PendingLaunch } from '../../test/peers/lti-platform/launch-claims.js';
import type { LoadAnswer, LoadCommand } from './load-worker.js';

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

const INPUT = {
  user: { sub: 'bench-teacher', email: ROSTER.teacher.email },
  roles: [INSTRUCTOR],
  messageType: 'LtiResourceLinkRequest' as const,
  context: { id: ROSTER.classSourcedId },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Server durations of the requests logged since `from`, by route. */
function durationsSince(lines: string[], from: number, route: string): number[] {
  return lines
    .slice(from)
    .map((line) => JSON.parse(line) as { event?: string; route?: string; durationMs?: number })
    .filter((record) => record.event === 'http.request.completed' && record.route === route)
    .map((record) => record.durationMs!);
}

/** The load worker behind a call-and-answer interface (one command at a time). */
function startLoadWorker(): { ask(command: LoadCommand): Promise<LoadAnswer>; stop(): void } {
  // A worker does not inherit this process's TypeScript loader: it registers tsx first.
  const entry = JSON.stringify(new URL('./load-worker.ts', import.meta.url).href);
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`,
    { eval: true },
  );
  return {
    ask: (command) =>
      new Promise((resolve, reject) => {
        // Each question removes both of its listeners, answered or failed.
        const onMessage = (answer: LoadAnswer) => {
          worker.off('error', onError);
          resolve(answer);
        };
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(command);
      }),
    stop: () => void worker.terminate(),
  };
}

/**
 * CPU time of a process or thread in ms, from Linux's accounting (clock ticks of 10 ms); NaN
 * elsewhere, or when it has ended.
 */
function cpuMsOf(statPath: string): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU time of this process's main thread: the tool server's event loop. */
function serverThreadCpuMs(): number {
  return cpuMsOf(`/proc/self/task/${process.pid}/stat`);
}

/**
 * CPU time of the PostgreSQL backends serving this database, by process id, when PostgreSQL
 * runs on this machine (as for this benchmark); empty for PGlite, which runs in this process.
 */
async function databaseCpuMs(harness: LtiHarness): Promise<Map<number, number>> {
  const { db } = harness.context;
  if (db.kind !== 'postgres') return new Map();
  const rows = await db.withOwner((tx) =>
    tx.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
    ),
  );
  return new Map(rows.map(({ pid }) => [pid, cpuMsOf(`/proc/${pid}/stat`)]));
}

/** The CPU the backends used between two readings; one that started in between counts whole. */
function databaseCpuUsed(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, ms] of after) if (Number.isFinite(ms)) used += ms - (before.get(pid) ?? 0);
  return used;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The CPU time of this process and of the server's thread, and the wall clock. */
function meter() {
  const cpu = process.cpuUsage();
  const serverCpu = serverThreadCpuMs();
  const started = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return {
      wallMs: performance.now() - started,
      processCpuMs: (used.user + used.system) / 1000,
      serverCpuMs: serverThreadCpuMs() - serverCpu,
    };
  };
}

interface RoundResult {
  perLaunch: number[];
  accepted: number;
  wallMs: number;
  processCpuMs: number;
  serverCpuMs: number;
  /** Includes the platform's signing pause between the phases, in which it does no work. */
  databaseCpuMs: number;
}

async function runRound(
  harness: LtiHarness,
  client: ToolClient,
  load: ReturnType<typeof startLoadWorker>,
  round: number,
): Promise<RoundResult> {
  const { platform, context, toolUrl } = harness;
  const mark = context.logs.lines.length;
  const launches: PendingLaunch[] = [];
  const loginUrls = Array.from({ length: CONCURRENCY }, () => {
    const { launch, params } = platform.prepareLaunch({
      clientId: client.clientId,
      deploymentId: client.deploymentId,
      targetLinkUri: `${toolUrl}/lti/launch`,
      ...INPUT,
    });
    launches.push(launch);
    return `${toolUrl}/lti/login?${new URLSearchParams(params)}`;
  });
  const databaseBefore = await databaseCpuMs(harness);
  const loginMeter = meter();
  const loginAnswer = await load.ask({ kind: 'login', round, loginUrls });
  const loginUse = loginMeter();
  if (loginAnswer.kind !== 'login') throw new Error('the load worker answered out of turn');
  const { logins } = loginAnswer;
  // The platform signs outside the measured phases: it is not the tool's time.
  const idTokens = logins.map((login, i) =>
    platform.sign(platform.claimsFor(launches[i]!, login.nonce)),
  );
  const launchMeter = meter();
  const launchAnswer = await load.ask({
    kind: 'launch',
    launchUrl: `${toolUrl}/lti/launch`,
    states: logins.map((login) => login.state),
    idTokens,
  });
  const launchUse = launchMeter();
  const databaseAfter = await databaseCpuMs(harness);
  if (launchAnswer.kind !== 'launch') throw new Error('the load worker answered out of turn');
  const loginMs = durationsSince(context.logs.lines, mark, '/lti/login');
  const launchMs = durationsSince(context.logs.lines, mark, '/lti/launch');
  return {
    perLaunch: loginMs.slice(0, launchMs.length).map((ms, i) => ms + launchMs[i]!),
    accepted: launchAnswer.statuses.filter((status) => status === 303).length,
    wallMs: loginUse.wallMs + launchUse.wallMs,
    processCpuMs: loginUse.processCpuMs + launchUse.processCpuMs,
    serverCpuMs: loginUse.serverCpuMs + launchUse.serverCpuMs,
    databaseCpuMs: databaseCpuUsed(databaseBefore, databaseAfter),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const harness = await startLtiHarness({ now: () => new Date(), trustProxyHops: 1 });
  const { tenant, client } = await registerManually(harness, 'bench');
  await seedRoster(harness.context, tenant);

  // Warm-up: fills the platform JWKS cache, the district key cache and the tool key, then one
  // unmeasured round warms up both threads.
  const warm = await startLogin(harness, client, INPUT);
  const { platform } = harness;
  await postIdToken(
    harness,
    warm.agent,
    warm.state,
    platform.sign(platform.claimsFor(warm.launch, warm.nonce)),
  );
  const load = startLoadWorker();
  await runRound(harness, client, load, 0);

  const totals: RoundResult = {
    perLaunch: [],
    accepted: 0,
    wallMs: 0,
    processCpuMs: 0,
    serverCpuMs: 0,
    databaseCpuMs: 0,
  };
  for (let round = 1; round <= ROUNDS; round += 1) {
    const result = await runRound(harness, client, load, round);
    totals.perLaunch.push(...result.perLaunch);
    totals.accepted += result.accepted;
    totals.wallMs += result.wallMs;
    totals.processCpuMs += result.processCpuMs;
    totals.serverCpuMs += result.serverCpuMs;
    totals.databaseCpuMs += result.databaseCpuMs;
  }
  const launches = ROUNDS * CONCURRENCY;
  const sorted = [...totals.perLaunch].sort((a, b) => a - b);
  const summary = {
    database: harness.context.db.kind,
    launches,
    accepted: totals.accepted,
    concurrency: CONCURRENCY,
    serverMsPerLaunch: {
      p50: round1(percentile(sorted, 50)),
      p95: round1(percentile(sorted, 95)),
      max: round1(sorted.at(-1)!),
    },
    // CPU of the server's thread per launch (login + launch): the work of one core that 50
    // launches in flight share, which the p95 follows; machine load inflates it little.
    serverThreadCpuMsPerLaunch: round1(totals.serverCpuMs / launches),
    // CPU of the whole process per launch: the server and the load worker's browsers
    // (PostgreSQL's own work excluded).
    processCpuMsPerLaunch: round1(totals.processCpuMs / launches),
    // CPU of the PostgreSQL backends per launch, which run on the same cores; none for PGlite,
    // whose work is part of the server thread's.
    databaseCpuMsPerLaunch:
      harness.context.db.kind === 'postgres' ? round1(totals.databaseCpuMs / launches) : null,
    loadAverage1m: round1(loadavg()[0]!),
    cpus: cpus().length,
    launchesPerSecond: Math.round((launches / totals.wallMs) * 1000),
    targetP95Ms: 20,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  load.stop();
  await harness.close();
  await closeTestDatabase();
}

await main();
