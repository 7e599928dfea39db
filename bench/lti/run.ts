/**
 * LTI launch benchmark: OIDC login plus launch at the real HTTP endpoints, with the platform's
 * JWKS already cached, 50 launches at a time. Reports the server time of login + launch per
 * launch (p50, p95, max, from the request log's durationMs) and launches per second.
 * Target: p95 under 20 ms.
 *
 * Run: `node --import tsx bench/lti/run.ts` (PGlite in memory), or with
 * DATABASE_URL=postgres://… for PostgreSQL. Options: ROUNDS (default 4), CONCURRENCY (50).
 */
import { cpus, loadavg } from 'node:os';
import {
  startLtiHarness,
  registerManually,
  startLogin,
  postIdToken,
  INSTRUCTOR,
} from '../../test/lti/support/lti-harness.js';
import { seedRoster, ROSTER } from '../../test/lti/support/roster-fixture.js';
import { closeTestDatabase } from '../../test/support/test-database.js';
import { TestUserAgent } from '../../test/lti/support/user-agent.js';

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);

/** A simulated browser at its own client address. */
function browserAt(round: number, index: number): TestUserAgent {
  return new TestUserAgent({ 'x-forwarded-for': `10.1.${round}.${index + 1}` });
}

function sumCpu(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}

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

async function main(): Promise<void> {
  // Launches come from many people: each simulated browser has its own address (one proxy hop
  // is trusted), as the per-address rate limit of /lti/login and /lti/launch expects.
  const harness = await startLtiHarness({ now: () => new Date(), trustProxyHops: 1 });
  const { tenant, client } = await registerManually(harness, 'bench');
  await seedRoster(harness.context, tenant);
  const input = {
    user: { sub: 'bench-teacher', email: ROSTER.teacher.email },
    roles: [INSTRUCTOR],
    messageType: 'LtiResourceLinkRequest' as const,
    context: { id: ROSTER.classSourcedId },
  };
  const { platform, context } = harness;

  // Warm-up: fills the platform JWKS cache, the district key cache and the tool key.
  const warm = await startLogin(harness, client, input);
  await postIdToken(
    harness,
    warm.agent,
    warm.state,
    platform.sign(platform.claimsFor(warm.launch, warm.nonce)),
  );

  const perLaunch: number[] = [];
  let wallMs = 0;
  let cpuMicros = 0;
  let accepted = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const mark = context.logs.lines.length;
    const loginStarted = performance.now();
    const loginCpu = process.cpuUsage();
    const logins = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        startLogin(harness, client, input, browserAt(round, i)),
      ),
    );
    wallMs += performance.now() - loginStarted;
    cpuMicros += sumCpu(process.cpuUsage(loginCpu));
    // The platform signs outside the measured phases: it is not the tool's time.
    const tokens = logins.map((login) =>
      platform.sign(platform.claimsFor(login.launch, login.nonce)),
    );
    const launchStarted = performance.now();
    const launchCpu = process.cpuUsage();
    const responses = await Promise.all(
      logins.map((login, i) => postIdToken(harness, login.agent, login.state, tokens[i]!)),
    );
    wallMs += performance.now() - launchStarted;
    cpuMicros += sumCpu(process.cpuUsage(launchCpu));
    accepted += responses.filter((response) => response.status === 303).length;
    const loginMs = durationsSince(context.logs.lines, mark, '/lti/login');
    const launchMs = durationsSince(context.logs.lines, mark, '/lti/launch');
    for (let i = 0; i < Math.min(loginMs.length, launchMs.length); i += 1)
      perLaunch.push(loginMs[i]! + launchMs[i]!);
  }
  const sorted = [...perLaunch].sort((a, b) => a - b);
  const summary = {
    database: context.db.kind,
    launches: ROUNDS * CONCURRENCY,
    accepted,
    concurrency: CONCURRENCY,
    serverMsPerLaunch: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1),
    },
    // CPU of this process (tool and its HTTP clients; PostgreSQL's own work excluded) per launch:
    // a figure that machine load inflates far less than the durations above.
    processCpuMsPerLaunch: Math.round(cpuMicros / (ROUNDS * CONCURRENCY) / 100) / 10,
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    cpus: cpus().length,
    launchesPerSecond: Math.round(((ROUNDS * CONCURRENCY) / wallMs) * 1000),
    targetP95Ms: 20,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  await harness.close();
  await closeTestDatabase();
}

await main();
