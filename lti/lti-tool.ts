import type { LtiHost } from './lti-host.js';
import { ToolKeyStore } from './tool-keys.js';
import { PlatformKeyCache } from './platform-jwks.js';
import { ServiceTokenClient } from './service-token.js';
import { NamesRolesClient } from './names-roles.js';
import { toolUrlsFor, type ToolUrls } from './tool-urls.js';
import type { Response } from 'express';
import { extendCsp } from './csp-header.js';
import { listPlatformOrigins, type Registration } from './registrations.js';

/**
 * The LTI tool of one process: its keys, the platform key cache, the service clients and its
 * URLs, built once from the host and shared by every LTI route.
 */
export class LtiTool {
  readonly host: LtiHost;
  readonly toolKeys: ToolKeyStore;
  readonly platformKeys: PlatformKeyCache;
  readonly serviceTokens: ServiceTokenClient;
  readonly namesRoles: NamesRolesClient;
  readonly urls: ToolUrls;
  #origins: string[] = [];

  constructor(host: LtiHost) {
    this.host = host;
    this.toolKeys = new ToolKeyStore(host.db, host.keys);
    this.platformKeys = new PlatformKeyCache();
    this.serviceTokens = new ServiceTokenClient(this.toolKeys);
    this.namesRoles = new NamesRolesClient(this.serviceTokens, host.config.mode);
    this.urls = toolUrlsFor(host.config.publicUrl);
  }

  /** The run mode (production demands https platforms). */
  get mode() {
    return this.host.config.mode;
  }

  /** The clock. */
  now(): Date {
    return this.host.now();
  }

  /**
   * Feeds the registered platforms' origins to the Content-Security-Policy (frame-ancestors,
   * form-action); called at start and after every registration change.
   */
  async refreshPlatformOrigins(): Promise<void> {
    this.#origins = await listPlatformOrigins(this.host.db);
    this.host.platformOrigins.set(this.#origins);
  }

  /**
   * Makes sure a registration's platform may frame the tool, for registrations made by another
   * process (`ccmr lti register`). When the list had to be refreshed, the policy already set on
   * this response is rewritten with the new list.
   * @returns whether the list changed.
   */
  async admitPlatformOrigin(registration: Registration, res: Response): Promise<boolean> {
    const origin = new URL(registration.authUrl).origin;
    if (this.#origins.includes(origin)) return false;
    await this.refreshPlatformOrigins();
    extendCsp(res, ['frame-ancestors', 'form-action'], this.#origins);
    return true;
  }
}
