import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import {
  startLtiHarness,
  registerManually,
  startLogin,
  postIdToken,
  INSTRUCTOR,
  type LtiHarness,
} from './support/lti-harness.js';

const CERT_DIR = '/work/shared/reference/lti-cert';
const VALIDATOR_ORIGIN = 'https://ltiadvantagevalidator.imsglobal.org';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

/** The code each invalid certification case must be refused with (the first failing check). */
const EXPECTED_REJECTIONS: Record<string, string> = {
  'Correct KID Required in Header': 'ERR_LTI_MISSING_KID',
  'Exp and Iat Fields invalid': 'ERR_LTI_TOKEN_EXPIRED',
  'Incorrect KID passed in JWT Header': 'ERR_LTI_UNKNOWN_KID',
  'JWT Passed is Not LTI 1.3 JWT': 'ERR_LTI_BAD_ALGORITHM',
  'LTI version passed is not 1.3': 'ERR_LTI_BAD_VERSION',
  'Launch Instructor With Email No Context': 'ERR_LTI_CONTEXT_REQUIRED',
  'Launch With Missing resource_link_id': 'ERR_LTI_MISSING_CLAIM',
  'No LTI Version Passed in JWT': 'ERR_LTI_BAD_VERSION',
  'One or more JWT fields missing': 'ERR_LTI_BAD_MESSAGE_TYPE',
  'deployment_id Claim Missing': 'ERR_LTI_MISSING_DEPLOYMENT',
  'message_type Claim Missing': 'ERR_LTI_BAD_MESSAGE_TYPE',
  'role Claim Missing': 'ERR_LTI_MISSING_CLAIM',
  'user Claim Missing': 'ERR_LTI_MISSING_SUBJECT',
};

interface CertCase {
  name: string;
  payload: Record<string, unknown>;
  header?: Record<string, unknown>;
  keep: string[];
}

function readCases(kind: 'valid' | 'invalid'): CertCase[] {
  const folder = join(CERT_DIR, kind);
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const read = (file: string) => {
        const path = join(folder, name, file);
        return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : undefined;
      };
      return {
        name,
        payload: read('payload.json') as Record<string, unknown>,
        header: read('header.json') as Record<string, unknown> | undefined,
        keep: (read('keep.json') as string[] | undefined) ?? [],
      };
    });
}

/** Points the validator's service URLs at the loopback platform, so nothing leaves the machine. */
function rewriteUrls(value: unknown, platformUrl: string): unknown {
  if (typeof value === 'string')
    return value.startsWith(VALIDATOR_ORIGIN)
      ? platformUrl + value.slice(VALIDATOR_ORIGIN.length)
      : value;
  if (Array.isArray(value)) return value.map((item) => rewriteUrls(item, platformUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, rewriteUrls(item, platformUrl)]),
    );
  }
  return value;
}

describe('LTI certification payloads (1EdTech) replayed through the launch endpoint', () => {
  let harness: LtiHarness;
  let client: ToolClient;

  before(async function () {
    this.timeout(180_000);
    harness = await startLtiHarness();
    ({ client } = await registerManually(harness, 'cert'));
  });
  after(() => harness?.close());

  /** Substitutes this registration's values where the file has the claim, except kept ones. */
  async function replay(certCase: CertCase) {
    const login = await startLogin(harness, client, {
      user: { sub: 'cert' },
      roles: [INSTRUCTOR],
      messageType: 'LtiResourceLinkRequest',
    });
    const nowSeconds = harness.platform.nowSeconds();
    const substitutes: Record<string, unknown> = {
      iss: harness.platform.issuer,
      aud: client.clientId,
      azp: client.clientId,
      nonce: login.nonce,
      exp: nowSeconds + 300,
      iat: nowSeconds,
      [`${LTI}deployment_id`]: client.deploymentId,
      [`${LTI}target_link_uri`]: `${harness.toolUrl}/lti/launch`,
    };
    const payload = rewriteUrls(certCase.payload, harness.platform.url) as Record<string, unknown>;
    for (const [claim, value] of Object.entries(substitutes)) {
      if (claim in payload && !certCase.keep.includes(claim)) payload[claim] = value;
    }
    const header = certCase.header ?? { alg: 'RS256', kid: harness.platform.key.kid, typ: 'JWT' };
    return postIdToken(harness, login.agent, login.state, harness.platform.sign(payload, header));
  }

  const valid = readCases('valid');
  const invalid = readCases('invalid');

  it('finds every certification case and has an expected code for each invalid one', () => {
    assert.equal(valid.length, 21);
    assert.deepEqual(invalid.map((c) => c.name).sort(), Object.keys(EXPECTED_REJECTIONS).sort());
  });

  for (const certCase of valid) {
    it(`accepts the valid case "${certCase.name}"`, async () => {
      const response = await replay(certCase);
      assert.equal(response.status, 303, response.body);
      assert.match(new URL(response.location!).pathname, /^\/(widgets\/[a-z-]+|lti\/deep-link)$/);
    });
  }

  for (const certCase of invalid) {
    it(`refuses the invalid case "${certCase.name}" with ${EXPECTED_REJECTIONS[certCase.name]}`, async () => {
      const response = await replay(certCase);
      assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
      assert.match(response.body, new RegExp(`<code>${EXPECTED_REJECTIONS[certCase.name]}</code>`));
    });
  }
});
