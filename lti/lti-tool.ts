import type { LtiHost } from './lti-host.js';
import { ToolKeyStore } from './tool-keys.js';
import { PlatformKeyCache } from './platform-jwks.js';
import { ServiceTokenClient } from './service-token.js';
import { NamesRolesClient } from './names-roles.js';
import { toolUrlsFor, type ToolUrls } from './tool-urls.js';
import { listPlatformOrigins } from './registrations.js';

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
    this.host.platformOrigins.set(await listPlatformOrigins(this.host.db));
  }
}
