import assert from 'node:assert/strict';
import { profileFor } from '../../lti/platform-profiles.js';
import { fillManifest } from '../../lti/index.js';
import { TOOL_CONFIGURATION_KEY } from '../../lti/claims.js';

type ToolConfiguration = { messages: Array<Record<string, unknown>> } & Record<string, unknown>;

describe('LTI platform profiles for Dynamic Registration', () => {
  const manifest = fillManifest('https://ccmr.example.org');

  it('lets a Canvas configuration on a school domain carry the shared Canvas issuer', () => {
    const canvas = profileFor('canvas');
    assert.equal(
      canvas.isIssuerHostExempt(
        new URL('https://canvas.instructure.com'),
        new URL('https://isd.instructure.com/api/lti/security/openid-configuration'),
      ),
      true,
    );
    assert.equal(
      canvas.isIssuerHostExempt(
        new URL('https://evil.example'),
        new URL('https://isd.instructure.com/x'),
      ),
      false,
    );
    assert.equal(
      profileFor('moodle').isIssuerHostExempt(
        new URL('https://canvas.instructure.com'),
        new URL('https://moodle.isd.org/x'),
      ),
      false,
    );
  });

  it('keeps Canvas placement names and adds its privacy level', () => {
    const configuration = profileFor('canvas').adjustToolConfiguration(manifest)[
      TOOL_CONFIGURATION_KEY
    ] as ToolConfiguration;
    assert.ok(configuration.messages.every((message) => Array.isArray(message.placements)));
    assert.equal(configuration['https://canvas.instructure.com/lti/privacy_level'], 'email_only');
  });

  for (const family of [
    'moodle',
    'desire2learn',
    'BlackboardLearn',
    'schoology',
    'something-else',
  ]) {
    it(`sends ${family} the messages without Canvas placement names`, () => {
      const configuration = profileFor(family).adjustToolConfiguration(manifest)[
        TOOL_CONFIGURATION_KEY
      ] as ToolConfiguration;
      assert.ok(configuration.messages.length >= 3);
      assert.ok(configuration.messages.every((message) => message.placements === undefined));
      assert.equal(configuration['https://canvas.instructure.com/lti/privacy_level'], undefined);
    });
  }

  it('remembers Schoology, whose launches outside a course omit the context', () => {
    assert.equal(profileFor('Schoology').family, 'schoology');
  });
});
