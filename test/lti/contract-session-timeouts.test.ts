import assert from 'node:assert/strict';
import { saveContractParameters } from '../../privacy/index.js';
import type { Tenant } from '../../store/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import { TEST_NOW } from '../support/test-context.js';
import {
  INSTRUCTOR,
  launchThroughPlatform,
  registerManually,
  startLtiHarness,
  type LtiHarness,
} from './support/lti-harness.js';

const MINUTE_MS = 60_000;

describe("Launch sessions follow the district's contract timeouts", function () {
  this.timeout(60_000);
  let harness: LtiHarness;
  let clock = TEST_NOW;

  before(async () => {
    harness = await startLtiHarness({ now: () => clock });
  });
  after(() => harness?.close());

  async function district(label: string, contract?: { idle: number; absolute: number }) {
    const registered = await registerManually(harness, label);
    if (contract) {
      await harness.context.db.withTenant(registered.tenant.id, (tx) =>
        saveContractParameters(tx, {
          sessionIdleMinutes: contract.idle,
          sessionAbsoluteHours: contract.absolute,
        }),
      );
    }
    return registered;
  }

  async function launch(client: ToolClient) {
    const launched = await launchThroughPlatform(harness, client, {
      user: { sub: 'contract-teacher' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'course-contract' },
    });
    assert.equal(launched.response.status, 303, launched.response.body);
    const widget = new URL(launched.response.location!, harness.toolUrl).href;
    return { open: () => launched.agent.request(widget) };
  }

  function sessionsOf(tenant: Tenant) {
    return harness.context.db.withSystem((tx) =>
      tx.query<{ idle_seconds: number; absolute_expires_at: Date; created_at: Date }>(
        `SELECT idle_seconds, absolute_expires_at, created_at FROM lti_sessions
          WHERE owner_tenant_id = $1`,
        [tenant.id],
      ),
    );
  }

  it('ends a session after the shorter idle time a district contracted for', async () => {
    clock = TEST_NOW;
    const strict = await district('contract-strict', { idle: 10, absolute: 2 });
    const standard = await district('contract-standard');
    const strictSession = await launch(strict.client);
    const standardSession = await launch(standard.client);

    const [stored] = await sessionsOf(strict.tenant);
    assert.equal(stored!.idle_seconds, 600);
    assert.equal(
      stored!.absolute_expires_at.getTime() - stored!.created_at.getTime(),
      2 * 60 * MINUTE_MS,
    );

    clock = new Date(TEST_NOW.getTime() + 12 * MINUTE_MS);
    assert.equal((await strictSession.open()).status, 401, 'idle past the contract’s 10 minutes');
    assert.equal((await standardSession.open()).status, 200, 'within the product’s 30 minutes');
  });

  it('keeps a session alive while it is used, up to the contract’s absolute limit', async () => {
    clock = TEST_NOW;
    const strict = await district('contract-busy', { idle: 10, absolute: 1 });
    const session = await launch(strict.client);
    for (let minutes = 8; minutes < 60; minutes += 8) {
      clock = new Date(TEST_NOW.getTime() + minutes * MINUTE_MS);
      assert.equal((await session.open()).status, 200, `in use at ${minutes} minutes`);
    }
    clock = new Date(TEST_NOW.getTime() + 61 * MINUTE_MS);
    assert.equal((await session.open()).status, 401, 'past the contract’s one hour');
  });
});
