import assert from 'node:assert/strict';
import type { Tenant } from '../../store/index.js';
import { getSyncStatus, syncRoster } from '../../oneroster/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import type { RunningOneRosterServer } from '../peers/oneroster/index.js';
import {
  connectTenant,
  liveCounts,
  rosterDigest,
  smallDistrict,
  startProvider,
} from './roster-fixture.js';

/** Fast retries for tests: the policy is the same, the waits are short. */
const QUICK_RETRY = { retry: { baseDelayMs: 5, maxDelayMs: 1500, maxRetries: 4 } };

async function assertCode(work: Promise<unknown>, code: string) {
  await assert.rejects(work, (error: { code?: string }) => {
    assert.equal(error.code, code);
    return true;
  });
}

describe(`OneRoster sync resilience (${testBackendName()})`, () => {
  let context: TestContext;
  let server: RunningOneRosterServer;
  let reference: string;

  before(async () => {
    context = await createTestContext();
    server = await startProvider(smallDistrict(80, 5));
    const uninterrupted = await createTestTenant(context, 'or-ref');
    await connectTenant(context, uninterrupted, server, '1.2');
    await syncRoster(context, uninterrupted.id, { client: { pageSize: 100 } });
    reference = await rosterDigest(context, uninterrupted);
  });

  afterEach(() => server.faults.clear());

  after(async () => {
    await server.stop();
    await context.close();
  });

  async function connected(label: string, version: '1.1' | '1.2' = '1.2'): Promise<Tenant> {
    const tenant = await createTestTenant(context, label);
    await connectTenant(context, tenant, server, version);
    return tenant;
  }

  it('recovers from 429 answers, waiting as Retry-After says', async () => {
    const tenant = await connected('or-429');
    server.faults.add({ status: 429, times: 2, retryAfter: '1', pathIncludes: '/users' });
    const started = Date.now();
    const summary = await syncRoster(context, tenant.id, { client: QUICK_RETRY });
    assert.equal(server.faults.injected, 2);
    assert.ok(Date.now() - started >= 2000, 'two Retry-After: 1 waits');
    assert.equal(summary.counts.users.created, server.dataset.generator.plan.totals.users);
  });

  it('recovers from 500 answers mid-collection with bounded retries', async () => {
    const tenant = await connected('or-500');
    const before = server.faults.injected;
    server.faults.add({ status: 500, times: 3, pathIncludes: '/enrollments', afterRequests: 2 });
    await syncRoster(context, tenant.id, { client: { pageSize: 100, ...QUICK_RETRY } });
    assert.equal(server.faults.injected - before, 3);
    assert.equal(
      (await liveCounts(context, tenant)).enrollments,
      server.dataset.generator.plan.totals.enrollments,
    );
  });

  it('fails with ERR_ONEROSTER_PROVIDER when 5xx outlasts the retries, then a rerun ends where an uninterrupted sync does', async () => {
    const tenant = await connected('or-fail');
    server.faults.add({ status: 503, times: 100, pathIncludes: '/enrollments', afterRequests: 3 });
    await assertCode(
      syncRoster(context, tenant.id, { client: { pageSize: 100, ...QUICK_RETRY } }),
      'ERR_ONEROSTER_PROVIDER',
    );
    const status = await context.db.withTenant(tenant.id, (tx) => getSyncStatus(tx));
    assert.equal(status.isRunning, false);
    assert.equal(status.runs[0]!.state, 'failed');
    assert.equal(status.runs[0]!.errorCode, 'ERR_ONEROSTER_PROVIDER');
    assert.ok(status.runs[0]!.percent > 0 && status.runs[0]!.percent < 100);
    assert.equal(status.watermark, null);
    server.faults.clear();
    const rerun = await syncRoster(context, tenant.id, { client: { pageSize: 100 } });
    assert.equal(rerun.mode, 'full');
    assert.ok(rerun.counts.users.unchanged > 0, 'pages stored before the failure are kept');
    assert.equal(await rosterDigest(context, tenant), reference);
  });

  it('stops on an AbortSignal after some pages, and a rerun stores no duplicate and loses nothing', async () => {
    const tenant = await connected('or-abort');
    const controller = new AbortController();
    await assertCode(
      syncRoster(context, tenant.id, {
        signal: controller.signal,
        client: { pageSize: 100 },
        onProgress: (p) => p.pages === 5 && controller.abort(),
      }),
      'ERR_ONEROSTER_ABORTED',
    );
    const partial = await liveCounts(context, tenant);
    assert.ok(
      partial.people > 0 && partial.enrollments < server.dataset.generator.plan.totals.enrollments,
    );
    await syncRoster(context, tenant.id, { client: { pageSize: 100 } });
    assert.equal(await rosterDigest(context, tenant), reference);
  });

  it('refuses a second sync of the same district while one runs', async () => {
    const tenant = await connected('or-lock');
    server.settings.delayMs = 50;
    try {
      const first = syncRoster(context, tenant.id, { client: { pageSize: 100 } });
      await new Promise((r) => setTimeout(r, 20));
      await assertCode(syncRoster(context, tenant.id), 'ERR_ONEROSTER_SYNC_IN_PROGRESS');
      await first;
    } finally {
      server.settings.delayMs = 0;
    }
  });

  for (const version of ['1.1', '1.2'] as const) {
    it(`fails with ERR_ONEROSTER_AUTH on wrong ${version} credentials and records the failed run`, async () => {
      const tenant = await createTestTenant(context, 'or-auth');
      await connectTenant(context, tenant, server, version, { clientSecret: 'not-the-secret' });
      await assertCode(syncRoster(context, tenant.id), 'ERR_ONEROSTER_AUTH');
      const status = await context.db.withTenant(tenant.id, (tx) => getSyncStatus(tx));
      assert.equal(status.runs[0]!.errorCode, 'ERR_ONEROSTER_AUTH');
    });
  }

  it('reuses a cached OAuth 2.0 token, renews it before expiry, and recovers from a revoked one', async () => {
    const tenant = await createTestTenant(context, 'or-token');
    await connectTenant(context, tenant, server, '1.2', { clientSecret: 'test-secret' });
    // A clock ten days ahead: tokens cached by earlier tests look expired to this client.
    let wallMs = Date.now() + 10 * 86_400_000;
    const client = { nowMs: () => wallMs, pageSize: 500 };
    const issued = server.auth.tokensIssued;
    await syncRoster(context, tenant.id, { client });
    await syncRoster(context, tenant.id, { client });
    const afterTwo = server.auth.tokensIssued;
    assert.equal(afterTwo - issued, 1, 'one token serves both syncs');
    wallMs += 3_000_000; // the hour-long token has 10 minutes left: still used
    await syncRoster(context, tenant.id, { client });
    assert.equal(server.auth.tokensIssued, afterTwo);
    wallMs += 560_000; // 40 seconds left, inside the renewal margin: renewed first
    await syncRoster(context, tenant.id, { client });
    assert.equal(server.auth.tokensIssued, afterTwo + 1);
    server.auth.revokeAllTokens();
    await syncRoster(context, tenant.id, { client });
    assert.equal(server.auth.tokensIssued, afterTwo + 2);
  });

  it('keeps requests to one provider within the concurrency limit', async () => {
    const tenant = await connected('or-conc');
    const other = await connected('or-conc2');
    server.stats.maxInFlight = 0;
    server.settings.delayMs = 10;
    try {
      await Promise.all([
        syncRoster(context, tenant.id, { client: { pageSize: 50, concurrency: 2 } }),
        syncRoster(context, other.id, { client: { pageSize: 50, concurrency: 2 } }),
      ]);
    } finally {
      server.settings.delayMs = 0;
    }
    assert.ok(server.stats.maxInFlight <= 2, `saw ${server.stats.maxInFlight} requests at once`);
    assert.ok(server.stats.maxInFlight >= 1);
  });
});
