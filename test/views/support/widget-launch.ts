import type { ViewerRole } from '../../../privacy/index.js';
import type { Tenant } from '../../../store/index.js';
import type { ToolClient } from '../../peers/lti-platform/lti-platform.js';
import {
  INSTITUTION_ADMIN,
  INSTRUCTOR,
  LEARNER,
  SYSTEM_ADMIN,
  launchThroughPlatform,
  registerManually,
  startLtiHarness,
  type LtiHarness,
} from '../../lti/support/lti-harness.js';
import { readCookie } from './read-cookie.js';
import type { TestUserAgent } from '../../lti/support/user-agent.js';
import {
  seedReadinessDistrict,
  type SeedOptions,
  type SeededDistrict,
} from './seed-readiness-district.js';

/** The LTI role each product role launches with (the tool's default role mapping). */
const LTI_ROLE: Record<Exclude<ViewerRole, 'none'>, string> = {
  teacher: INSTRUCTOR,
  student: LEARNER,
  counselor: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Mentor',
  campus_admin: INSTITUTION_ADMIN,
  district_admin: SYSTEM_ADMIN,
};

/** A launched session: a browser stand-in holding the session cookie. */
export interface WidgetSession {
  agent: TestUserAgent;
  /** Where the launch sent the browser. */
  location: string;
  /** The session token (the cookie's value), for a real browser's Authorization header. */
  token: string;
  get(path: string, accept?: string): ReturnType<TestUserAgent['request']>;
}

/** The tool, the platform, a registered district with readiness data. */
export interface WidgetWorld {
  lti: LtiHarness;
  tenant: Tenant;
  client: ToolClient;
  district: SeededDistrict;
  launch(
    role: Exclude<ViewerRole, 'none'>,
    personSourcedId: string,
    options?: { widget?: string; locale?: string; contextId?: string },
  ): Promise<WidgetSession>;
  close(): Promise<void>;
}

/**
 * Starts the real tool and the in-repo LTI platform, registers the platform for a new district,
 * seeds readiness data, and launches as any rostered person over real HTTP and real signatures.
 *
 * @param label - tenant label.
 * @param seed - the district to seed.
 * @param options - `toolHost` 'localhost' makes the tool cross-site to the platform.
 * @returns the world.
 */
export async function startWidgetWorld(
  label: string,
  seed: SeedOptions,
  options: { toolHost?: string } = {},
): Promise<WidgetWorld> {
  const lti = await startLtiHarness({ toolHost: options.toolHost });
  const { tenant, client } = await registerManually(lti, label);
  const district = await seedReadinessDistrict(lti.context, tenant.id, seed);
  return {
    lti,
    tenant,
    client,
    district,
    async launch(role, personSourcedId, options = {}) {
      const { response, agent } = await launchThroughPlatform(lti, client, {
        user: { sub: `lms-${personSourcedId}`, personSourcedId },
        roles: [LTI_ROLE[role]],
        messageType: 'LtiResourceLinkRequest',
        context: { id: options.contextId ?? 'lms-course-1', title: 'Course' },
        custom: { widget: options.widget ?? 'student-card' },
        // The OIDC `locale` claim carries the person's language (OIDC Core §5.1).
        overrides: options.locale ? { locale: options.locale } : undefined,
      });
      if (response.status !== 303 || !response.location) {
        throw new Error(`launch answered ${response.status}: ${response.body.slice(0, 200)}`);
      }
      const token = readCookie(agent, lti.toolUrl);
      return {
        agent,
        location: response.location,
        token,
        get: (path, accept = 'text/html') =>
          agent.request(`${lti.toolUrl}${path}`, { headers: { accept } }),
      };
    },
    close: () => lti.close(),
  };
}
