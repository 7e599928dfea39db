import assert from 'node:assert/strict';
import {
  ToolKeyStore,
  createRegistrationInvite,
  findRegistration,
  registerPlatformManually,
  setRegistrationStatus,
  setTenantRole,
} from '../../lti/index.js';
import { requireTrustedUrl } from '../../lti/endpoint-policy.js';
import { createTestTenant } from '../support/test-context.js';
import {
  startLtiHarness,
  registerManually,
  launchThroughPlatform,
  INSTRUCTOR,
  LEARNER,
  type LtiHarness,
} from './support/lti-harness.js';
import { TestUserAgent } from './support/user-agent.js';

describe('LTI tool keys, manifest, registration policy and sessions', () => {
  let harness: LtiHarness;
  let clock = new Date('2026-10-15T15:00:00.000Z');

  before(async function () {
    this.timeout(180_000);
    harness = await startLtiHarness({ now: () => clock });
  });
  after(() => harness?.close());

  it('publishes RS256 public keys only, and stores the private key encrypted', async () => {
    const response = await fetch(`${harness.toolUrl}/lti/jwks`);
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    assert.ok(jwks.keys.length >= 1);
    for (const key of jwks.keys) {
      assert.deepEqual(
        [key.kty, key.alg, key.use, typeof key.kid],
        ['RSA', 'RS256', 'sig', 'string'],
      );
      assert.equal(key.d, undefined);
    }
    const rows = await harness.context.db.withSystem((tx) =>
      tx.query<{ private_key_enc: Buffer }>('SELECT private_key_enc FROM lti_tool_keys'),
    );
    for (const row of rows) assert.ok(!row.private_key_enc.toString('latin1').includes('"d"'));
  });

  it('keeps a rotated key in the JWKS until what it signed has expired, then drops it', async () => {
    const store = new ToolKeyStore(harness.context.db, harness.context.keys);
    const { kid, retiredKid } = await store.rotate(clock);
    const kids = async (at: Date) =>
      (await new ToolKeyStore(harness.context.db, harness.context.keys).publishedKeys(at)).keys.map(
        (k) => k.kid,
      );
    assert.ok((await kids(clock)).includes(kid));
    assert.ok((await kids(clock)).includes(retiredKid!));
    const later = new Date(clock.getTime() + 10 * 60 * 1000);
    assert.ok((await kids(later)).includes(kid));
    assert.ok(!(await kids(later)).includes(retiredKid!));
    assert.equal((await store.signingKey()).kid, kid);
  });

  it('serves manifest.json with every placeholder filled from PUBLIC_URL', async () => {
    const text = await (await fetch(`${harness.toolUrl}/lti/manifest.json`)).text();
    assert.ok(!text.includes('{{'));
    const manifest = JSON.parse(text) as Record<string, unknown>;
    assert.equal(manifest.initiate_login_uri, `${harness.toolUrl}/lti/login`);
    assert.deepEqual(manifest.redirect_uris, [`${harness.toolUrl}/lti/launch`]);
    assert.equal(manifest.jwks_uri, `${harness.toolUrl}/lti/jwks`);
  });

  it('creates a pending district for a registration without invite, and refuses launches until approved', async () => {
    const token = harness.platform.issueRegistrationToken();
    const query = new URLSearchParams({
      openid_configuration: `${harness.platform.url}/.well-known/openid-configuration`,
      registration_token: token,
    });
    const before = harness.platform.clients.size;
    const response = await new TestUserAgent().request(`${harness.toolUrl}/lti/register?${query}`);
    assert.equal(response.status, 200, response.body);
    const client = [...harness.platform.clients.values()][before]!;
    const registration = await findRegistration(
      harness.context.db,
      harness.platform.issuer,
      client.clientId,
    );
    assert.equal(registration.status, 'pending');
    assert.equal(registration.platformOrigin, new URL(harness.platform.url).origin);
    const login = await new TestUserAgent().request(
      `${harness.toolUrl}/lti/login?${new URLSearchParams({ iss: harness.platform.issuer, client_id: client.clientId, login_hint: 'x', target_link_uri: `${harness.toolUrl}/lti/launch` })}`,
    );
    assert.equal(login.status, 403);
    assert.match(login.body, /ERR_LTI_REGISTRATION_INACTIVE/);
    await setRegistrationStatus(harness.context.db, registration.id, 'active');
    const { response: launch } = await launchThroughPlatform(harness, client, {
      user: { sub: 'after-approval' },
      roles: [LEARNER],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'c' },
    });
    assert.equal(launch.status, 303);
  });

  it('refuses an invite used twice', async () => {
    const tenant = await createTestTenant(harness.context, 'invite');
    const { code } = await createRegistrationInvite(harness.context.db, tenant.id, clock);
    const register = () =>
      new TestUserAgent().request(
        `${harness.toolUrl}/lti/register?${new URLSearchParams({ openid_configuration: `${harness.platform.url}/.well-known/openid-configuration`, registration_token: harness.platform.issueRegistrationToken(), code })}`,
      );
    assert.equal((await register()).status, 200);
    const second = await register();
    assert.equal(second.status, 403);
    assert.match(second.body, /ERR_LTI_BAD_INVITE/);
  });

  it('accepts plain-http platforms only on loopback outside production', () => {
    assert.equal(requireTrustedUrl('http://127.0.0.1:9/x', 'issuer', 'test').hostname, '127.0.0.1');
    assert.throws(() => requireTrustedUrl('http://127.0.0.1:9/x', 'issuer', 'production'), {
      code: 'ERR_LTI_INSECURE_ENDPOINT',
    });
    assert.throws(() => requireTrustedUrl('http://lms.example.org', 'issuer', 'development'), {
      code: 'ERR_LTI_INSECURE_ENDPOINT',
    });
    assert.equal(
      requireTrustedUrl('https://lms.example.org', 'issuer', 'production').protocol,
      'https:',
    );
  });

  it('applies a district role mapping stored for it', async () => {
    const { tenant, client } = await registerManually(harness, 'rolemap');
    await harness.context.db.withTenant(tenant.id, (tx) =>
      setTenantRole(
        tx,
        'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
        'teacher',
        clock,
      ),
    );
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'ta-1' },
      roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'c' },
      custom: { widget: 'launch-summary' },
    });
    assert.match((await agent.request(response.location!)).body, /data-role="teacher"/);
  });

  it('ends a session after its idle timeout', async () => {
    const { client } = await registerManually(harness, 'idle');
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'idle-1' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'c' },
      custom: { widget: 'launch-summary' },
    });
    assert.equal((await agent.request(response.location!)).status, 200);
    clock = new Date(clock.getTime() + 31 * 60 * 1000);
    const expired = await agent.request(response.location!);
    assert.equal(expired.status, 401);
    assert.match(expired.body, /ERR_LTI_SESSION_EXPIRED/);
  });

  it('keeps a session open while requests come before each idle timeout', async () => {
    const { client } = await registerManually(harness, 'active');
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'active-1' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'c' },
      custom: { widget: 'launch-summary' },
    });
    // Thirty seconds, inside the interval at which the deadline moves, then twice 20 minutes.
    for (const minutes of [0.5, 20, 20]) {
      clock = new Date(clock.getTime() + minutes * 60 * 1000);
      assert.equal((await agent.request(response.location!)).status, 200);
    }
  });

  it('refuses a cookie session token carried in a URL', async () => {
    const { client } = await registerManually(harness, 'leak');
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'leak-1' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'c' },
      custom: { widget: 'launch-summary' },
    });
    const token = agent.cookiesFor(harness.toolUrl).get('ccmr_session')!;
    assert.ok(token);
    const leaked = await new TestUserAgent().request(
      `${harness.toolUrl}/widgets/launch-summary?ls=${token}`,
    );
    assert.equal(leaked.status, 401);
    assert.equal((await agent.request(response.location!)).status, 200);
  });

  it('accepts a Schoology launch outside a course, deciding by institution roles only', async () => {
    const tenant = await createTestTenant(harness.context, 'schoology');
    const client = harness.platform.addClient({
      loginUrl: `${harness.toolUrl}/lti/login`,
      redirectUris: [`${harness.toolUrl}/lti/launch`],
      jwksUrl: `${harness.toolUrl}/lti/jwks`,
    });
    await registerPlatformManually(
      harness.context.db,
      {
        tenantId: tenant.id,
        issuer: harness.platform.issuer,
        clientId: client.clientId,
        authUrl: `${harness.platform.url}/auth`,
        tokenUrl: `${harness.platform.url}/token`,
        jwksUrl: `${harness.platform.url}/jwks`,
        deploymentIds: [client.deploymentId],
        productFamily: 'schoology',
      },
      'test',
      clock,
    );
    const { response, agent } = await launchThroughPlatform(harness, client, {
      user: { sub: 'schoology-1' },
      roles: [
        INSTRUCTOR,
        'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
      ],
      messageType: 'LtiResourceLinkRequest',
      custom: { widget: 'launch-summary' },
    });
    assert.equal(response.status, 303, response.body);
    assert.match((await agent.request(response.location!)).body, /data-role="campus_admin"/);
  });
});
