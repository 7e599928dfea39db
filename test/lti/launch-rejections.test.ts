import assert from 'node:assert/strict';
import { createHmac, createPublicKey } from 'node:crypto';
import type { Tenant } from '../../store/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import { generatePlatformKey } from '../peers/lti-platform/platform-keys.js';
import { signRawJwt } from '../peers/lti-platform/raw-jwt.js';
import {
  startLtiHarness,
  registerManually,
  startLogin,
  postIdToken,
  launchThroughPlatform,
  INSTRUCTOR,
  type LtiHarness,
} from './support/lti-harness.js';
import { countRejections } from './support/audit-counts.js';
import { readForm } from './support/user-agent.js';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

describe('LTI launch rejections: one flaw per case, each a 4xx with an audit event', () => {
  let harness: LtiHarness;
  let tenant: Tenant;
  let client: ToolClient;
  const launchInput = {
    user: { sub: 'lms-user-7' },
    roles: [INSTRUCTOR],
    messageType: 'LtiResourceLinkRequest' as const,
    context: { id: 'course-7' },
  };

  before(async function () {
    this.timeout(180_000);
    harness = await startLtiHarness();
    ({ tenant, client } = await registerManually(harness, 'reject'));
  });
  after(() => harness?.close());

  /** Starts a real login, lets `flaw` spoil the platform's answer, posts it, checks the outcome. */
  async function expectRejected(
    code: string,
    flaw: (input: {
      claims: Record<string, unknown>;
      header: Record<string, unknown>;
      nonce: string;
    }) => string | void,
  ) {
    const before = await countRejections(harness.context, tenant.id, code);
    const login = await startLogin(harness, client, launchInput);
    const claims = harness.platform.claimsFor(login.launch, login.nonce);
    const header: Record<string, unknown> = {
      alg: 'RS256',
      kid: harness.platform.key.kid,
      typ: 'JWT',
    };
    const token =
      flaw({ claims, header, nonce: login.nonce }) ?? harness.platform.sign(claims, header);
    const response = await postIdToken(harness, login.agent, login.state, token);
    assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
    assert.match(response.body, new RegExp(`<code>${code}</code>`));
    assert.ok(!response.body.includes(token.split('.')[1]!), 'the page echoes the token');
    assert.doesNotMatch(response.body, /at .*\.ts:\d+/);
    assert.equal(await countRejections(harness.context, tenant.id, code), before + 1);
  }

  it('refuses alg "none"', () =>
    expectRejected('ERR_LTI_BAD_ALGORITHM', ({ claims, header }) => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${encode({ ...header, alg: 'none' })}.${encode(claims)}.`;
    }));

  it('refuses HS256 signed with the platform public key as the secret', () =>
    expectRejected('ERR_LTI_BAD_ALGORITHM', ({ claims, header }) => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const input = `${encode({ ...header, alg: 'HS256' })}.${encode(claims)}`;
      const secret = createPublicKey({
        key: harness.platform.key.publicJwk as never,
        format: 'jwk',
      }).export({ type: 'spki', format: 'pem' });
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    }));

  it('refuses a wrong issuer', () =>
    expectRejected(
      'ERR_LTI_WRONG_ISSUER',
      ({ claims }) => void (claims.iss = 'https://evil.example'),
    ));

  it('refuses a wrong audience', () =>
    expectRejected('ERR_LTI_WRONG_AUDIENCE', ({ claims }) => {
      claims.aud = 'another-tool';
      delete claims.azp;
    }));

  it('refuses an expired token', () =>
    expectRejected('ERR_LTI_TOKEN_EXPIRED', ({ claims }) => {
      claims.iat = (claims.iat as number) - 4000;
      claims.exp = (claims.iat as number) + 300;
    }));

  it('refuses a token issued in the future', () =>
    expectRejected('ERR_LTI_TOKEN_ISSUED_IN_FUTURE', ({ claims }) => {
      claims.iat = (claims.iat as number) + 3600;
      claims.exp = (claims.iat as number) + 300;
    }));

  it('refuses an unknown deployment', () =>
    expectRejected(
      'ERR_LTI_UNKNOWN_DEPLOYMENT',
      ({ claims }) => void (claims[`${LTI}deployment_id`] = 'dep-unknown'),
    ));

  it('refuses a launch without version', () =>
    expectRejected('ERR_LTI_BAD_VERSION', ({ claims }) => void delete claims[`${LTI}version`]));

  it('refuses a wrong message type', () =>
    expectRejected(
      'ERR_LTI_BAD_MESSAGE_TYPE',
      ({ claims }) => void (claims[`${LTI}message_type`] = 'LtiSubmissionReviewRequest'),
    ));

  it('refuses an unknown kid', () =>
    expectRejected(
      'ERR_LTI_UNKNOWN_KID',
      ({ header }) => void (header.kid = 'not-a-published-kid'),
    ));

  it('refuses a signature by a foreign key under the platform kid', () =>
    expectRejected('ERR_LTI_BAD_SIGNATURE', ({ claims, header }) =>
      signRawJwt(header, claims, generatePlatformKey('x').privateKey),
    ));

  it('refuses a launch without sub', () =>
    expectRejected('ERR_LTI_MISSING_SUBJECT', ({ claims }) => void delete claims.sub));

  it('refuses a token without kid', () =>
    expectRejected('ERR_LTI_MISSING_KID', ({ header }) => void delete header.kid));

  it('refuses a nonce other than the one issued for the state', () =>
    expectRejected(
      'ERR_LTI_NONCE_MISMATCH',
      ({ claims }) => void (claims.nonce = 'a-nonce-of-another-login'),
    ));

  it('refuses a replayed nonce: the same answer posted twice', async () => {
    const before = await countRejections(harness.context, tenant.id, 'ERR_LTI_NONCE_REPLAYED');
    const login = await startLogin(harness, client, launchInput);
    const auth = await login.agent.request(login.authRequest.toString());
    const { action, fields } = readForm(auth.body);
    assert.equal((await login.agent.request(action, { form: fields })).status, 303);
    const replay = await login.agent.request(action, { form: fields });
    assert.equal(replay.status, 401);
    assert.match(replay.body, /ERR_LTI_NONCE_REPLAYED/);
    assert.equal(
      await countRejections(harness.context, tenant.id, 'ERR_LTI_NONCE_REPLAYED'),
      before + 1,
    );
  });

  it('refuses a state this tool never issued', async () => {
    const before = await countRejections(harness.context, tenant.id, 'ERR_LTI_STATE_MISMATCH');
    const login = await startLogin(harness, client, launchInput);
    const token = harness.platform.sign(harness.platform.claimsFor(login.launch, login.nonce));
    const response = await postIdToken(harness, login.agent, 'forged-state-value', token);
    assert.equal(response.status, 401);
    assert.match(response.body, /ERR_LTI_STATE_MISMATCH/);
    assert.equal(
      await countRejections(harness.context, tenant.id, 'ERR_LTI_STATE_MISMATCH'),
      before + 1,
    );
  });

  it('refuses a state posted from a browser that did not start the login', async () => {
    const login = await startLogin(harness, client, launchInput);
    login.agent.clearCookies();
    const token = harness.platform.sign(harness.platform.claimsFor(login.launch, login.nonce));
    const response = await postIdToken(harness, login.agent, login.state, token);
    assert.equal(response.status, 401);
    assert.match(response.body, /ERR_LTI_STATE_MISMATCH/);
  });

  it('still accepts the unspoilt launch (the suite is not rejecting everything)', async () => {
    const { response } = await launchThroughPlatform(harness, client, launchInput);
    assert.equal(response.status, 303);
  });
});
