import type { Registration } from './registrations.js';
import type { ServiceTokenClient } from './service-token.js';
import { SERVICE_USER_AGENT } from './service-token.js';
import { NRPS_SCOPE } from './claims.js';
import { LTI_LIFETIMES, type RunMode } from './lti-options.js';
import { requireTrustedUrl } from './endpoint-policy.js';
import { LtiError } from './errors.js';

/** One member of a context, as NRPS 2.0 §3.6 lists it (personal fields are not kept). */
export interface ContextMember {
  userId: string;
  roles: string[];
  status: 'Active' | 'Inactive' | 'Deleted';
  personSourcedId: string | null;
}

const MEMBERSHIP_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const MAX_PAGES = 50;

/**
 * Reads context memberships over NRPS 2.0 with a client-credentials token, following
 * `Link: rel="next"` pages, and keeps each context's list for a few minutes.
 */
export class NamesRolesClient {
  readonly #tokens: ServiceTokenClient;
  readonly #mode: RunMode;
  readonly #cache = new Map<string, { members: ContextMember[]; untilMs: number }>();

  constructor(tokens: ServiceTokenClient, mode: RunMode) {
    this.#tokens = tokens;
    this.#mode = mode;
  }

  /**
   * Every member of the context behind `membershipsUrl`.
   * @param registration the platform client that launched.
   * @param membershipsUrl the launch's context_memberships_url.
   * @param now the clock.
   * @returns the members.
   * @throws LtiError ERR_LTI_SERVICE_FAILED, ERR_LTI_INSECURE_ENDPOINT
   */
  async fetchMembers(
    registration: Registration,
    membershipsUrl: string,
    now: Date,
  ): Promise<ContextMember[]> {
    const cached = this.#cache.get(membershipsUrl);
    if (cached && cached.untilMs > now.getTime()) return cached.members;
    const token = await this.#tokens.tokenFor(registration, [NRPS_SCOPE], now);
    const members: ContextMember[] = [];
    let next: string | null = membershipsUrl;
    for (let page = 0; next && page < MAX_PAGES; page += 1) {
      const { pageMembers, nextUrl } = await this.#fetchPage(next, token);
      members.push(...pageMembers);
      next = nextUrl;
    }
    this.#cache.set(membershipsUrl, {
      members,
      untilMs: now.getTime() + LTI_LIFETIMES.membershipCacheSeconds * 1000,
    });
    return members;
  }

  async #fetchPage(url: string, token: string) {
    requireTrustedUrl(url, 'context_memberships_url', this.#mode);
    const response = await fetch(url, {
      headers: {
        accept: MEMBERSHIP_MEDIA_TYPE,
        authorization: `Bearer ${token}`,
        'user-agent': SERVICE_USER_AGENT,
      },
      signal: AbortSignal.timeout(10_000),
    }).catch((cause: unknown) => {
      throw new LtiError(
        'ERR_LTI_SERVICE_FAILED',
        'the platform membership service is unreachable',
        { status: 502, cause },
      );
    });
    if (!response.ok) {
      throw new LtiError('ERR_LTI_SERVICE_FAILED', 'the platform membership service refused', {
        status: 502,
        detail: `membership status ${response.status}`,
      });
    }
    const body = (await response.json()) as { members?: Array<Record<string, unknown>> };
    const pageMembers = (body.members ?? []).map(toMember);
    return { pageMembers, nextUrl: nextLink(response.headers.get('link')) };
  }
}

function toMember(raw: Record<string, unknown>): ContextMember {
  return {
    userId: String(raw.user_id ?? ''),
    roles: Array.isArray(raw.roles) ? raw.roles.map(String) : [],
    status: raw.status === 'Inactive' || raw.status === 'Deleted' ? raw.status : 'Active',
    personSourcedId: typeof raw.lis_person_sourcedid === 'string' ? raw.lis_person_sourcedid : null,
  };
}

// NRPS 2.0 §2.4.1: the next page is announced in a Link header with rel="next".
function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1]!;
  }
  return null;
}
