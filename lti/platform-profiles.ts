import { TOOL_CONFIGURATION_KEY } from './claims.js';
import type { ToolManifest } from './tool-manifest.js';

/**
 * What differs between platforms during Dynamic Registration and launches, by the platform's
 * `product_family_code` (Dynamic Registration 1.0 §3.1; quirks in standards §1.3–1.7, §2.5).
 */
export interface PlatformProfile {
  family: string;
  /** Whether the issuer may sit on another host than the openid_configuration URL. */
  isIssuerHostExempt(issuer: URL, configurationUrl: URL): boolean;
  /** Adjusts the tool configuration posted to the platform. */
  adjustToolConfiguration(configuration: ToolManifest): ToolManifest;
}

const CANVAS_ISSUERS = new Set([
  'https://canvas.instructure.com',
  'https://canvas.beta.instructure.com',
  'https://canvas.test.instructure.com',
]);

function withoutPlacements(configuration: ToolManifest): ToolManifest {
  const tool = configuration[TOOL_CONFIGURATION_KEY] as {
    messages?: Array<Record<string, unknown>>;
  };
  const messages = (tool.messages ?? []).map(({ placements: _placements, ...message }) => message);
  return { ...configuration, [TOOL_CONFIGURATION_KEY]: { ...tool, messages } };
}

const GENERIC: PlatformProfile = {
  family: 'generic',
  isIssuerHostExempt: () => false,
  // Placement names are Canvas's vocabulary; other platforms either ignore or reject them.
  adjustToolConfiguration: withoutPlacements,
};

const PROFILES: Record<string, PlatformProfile> = {
  // Canvas: every hosted instance shares the issuer canvas.instructure.com while the
  // configuration is served from the school's own domain; it wants its privacy level and
  // placement names (422 without a valid configuration, ltijs #239).
  canvas: {
    family: 'canvas',
    isIssuerHostExempt: (issuer, configurationUrl) =>
      CANVAS_ISSUERS.has(issuer.origin) &&
      (configurationUrl.hostname.endsWith('.instructure.com') ||
        configurationUrl.hostname.endsWith('.canvaslms.com')),
    adjustToolConfiguration: (configuration) => ({
      ...configuration,
      [TOOL_CONFIGURATION_KEY]: {
        ...(configuration[TOOL_CONFIGURATION_KEY] as object),
        'https://canvas.instructure.com/lti/privacy_level': 'email_only',
      },
    }),
  },
  // Moodle: issuer is the site URL (with its path); the registration token must be sent as a
  // Bearer header (401 otherwise, ltijs #163), which every registration here does.
  moodle: { ...GENERIC, family: 'moodle' },
  // D2L Brightspace: deep-linking `data` must be echoed and launch URLs carry no query string;
  // both are how the tool always answers.
  desire2learn: { ...GENERIC, family: 'desire2learn' },
  brightspace: { ...GENERIC, family: 'desire2learn' },
  // Blackboard Learn: the deployment id arrives only once an administrator deploys the tool
  // (added with `ccmr lti deployment add`); assertions carry iat/exp and "Bearer" is capitalised.
  blackboardlearn: { ...GENERIC, family: 'blackboard' },
  blackboard: { ...GENERIC, family: 'blackboard' },
  // Schoology: launches outside a course omit the context claim (see launch-validator.ts).
  schoology: { ...GENERIC, family: 'schoology' },
};

/**
 * The profile of a platform product family, or the generic one.
 * @param productFamilyCode the platform's product_family_code, any case.
 * @returns its profile.
 */
export function profileFor(productFamilyCode: string | undefined): PlatformProfile {
  return PROFILES[(productFamilyCode ?? '').toLowerCase()] ?? GENERIC;
}
