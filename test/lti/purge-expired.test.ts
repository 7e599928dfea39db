import assert from 'node:assert/strict';
import { createRegistrationInvite, purgeExpiredLaunchState } from '../../lti/index.js';
import type { Tenant } from '../../store/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import { TEST_NOW } from '../support/test-context.js';
import {
  INSTRUCTOR,
  launchThroughPlatform,
  registerManually,
  startLogin,
  startLtiHarness,
  type LtiHarness,
} from './support/lti-harness.js';

const HOUR_MS = 60 * 60 * 1000;

describe('Purge of expired LTI logins, sessions, launches and invites', function () {
  this.timeout(60_000);
  let harness: LtiHarness;
  let tenant: Tenant;
  let client: ToolClient;
  let clock = TEST_NOW;

  before(async () => {
    harness = await startLtiHarness({ now: () => clock });
    ({ tenant, client } = await registerManually(harness, 'lti-purge'));
  });
  after(() => harness?.close());

  /** How many rows of each kind belong to the district. */
  async function rowsOfDistrict() {
    const { db } = harness.context;
    const system = await db.withSystem(async (tx) => ({
      sessions: (
        await tx.query('SELECT 1 FROM lti_sessions WHERE owner_tenant_id = $1', [tenant.id])
      ).length,
      invites: (
        await tx.query('SELECT 1 FROM lti_registration_invites WHERE owner_tenant_id = $1', [
          tenant.id,
        ])
      ).length,
      loginStates: (
        await tx.query(
          `SELECT 1 FROM lti_login_states s JOIN lti_registrations r ON r.id = s.registration_id
            WHERE r.owner_tenant_id = $1`,
          [tenant.id],
        )
      ).length,
    }));
    const launches = await db.withTenant(tenant.id, (tx) => tx.query('SELECT 1 FROM lti_launches'));
    return { ...system, launches: launches.length };
  }

  const launchAsInstructor = () =>
    launchThroughPlatform(harness, client, {
      user: { sub: 'purge-teacher' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-purge' },
    });

  it('keeps what is live and removes what has expired, then finds nothing more', async () => {
    clock = TEST_NOW;
    const old = await launchAsInstructor();
    assert.equal(old.response.status, 303, old.response.body);
    await startLogin(harness, client, {
      user: { sub: 'purge-abandoned' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-purge' },
    });
    await createRegistrationInvite(harness.context.db, tenant.id, clock);
    assert.deepEqual(await rowsOfDistrict(), {
      sessions: 1,
      invites: 1,
      loginStates: 2,
      launches: 1,
    });

    // Nine hours on: the first session is past its absolute timeout, its login state and the
    // abandoned one long expired; the invite (a week) and the launch record still stand.
    clock = new Date(TEST_NOW.getTime() + 9 * HOUR_MS);
    const fresh = await launchAsInstructor();
    assert.equal(fresh.response.status, 303);
    const first = await purgeExpiredLaunchState(harness.context.db, clock);
    assert.ok(first.sessions >= 1 && first.loginStates >= 2);
    assert.deepEqual(await rowsOfDistrict(), {
      sessions: 1,
      invites: 1,
      loginStates: 1,
      launches: 2,
    });
    const page = await fresh.agent.request(new URL(fresh.response.location!, harness.toolUrl).href);
    assert.equal(page.status, 200, 'a live session survives the purge');

    // Eight days on: everything from the first day is gone, the launch records included.
    clock = new Date(TEST_NOW.getTime() + 8 * 24 * HOUR_MS);
    await purgeExpiredLaunchState(harness.context.db, clock);
    assert.deepEqual(await rowsOfDistrict(), {
      sessions: 0,
      invites: 0,
      loginStates: 0,
      launches: 0,
    });
    assert.deepEqual(await purgeExpiredLaunchState(harness.context.db, clock), {
      loginStates: 0,
      sessions: 0,
      launches: 0,
      invites: 0,
    });
  });
});
