import type { AppContext } from '../app-context.js';
import type { Tenant } from '../../store/index.js';
import { registerPlatformManually, ToolKeyStore } from '../../lti/index.js';

/** Where the demo mounts the in-repo LTI platform, and the client it registers the tool as. */
export const DEMO_PLATFORM = {
  path: '/demo/platform',
  clientId: 'ccmr-demo-client',
  deploymentId: 'ccmr-demo-deployment',
} as const;

/** The demo platform's issuer: inside the tool's own server. */
export function demoPlatformUrl(context: AppContext): string {
  return `${context.config.publicUrl}${DEMO_PLATFORM.path}`;
}

/**
 * Demo step: registers the in-repo platform for the demo district (idempotent), as an LMS
 * administrator would with `ccmr lti register`.
 */
export async function registerDemoPlatform(context: AppContext, tenant: Tenant): Promise<void> {
  const platformUrl = demoPlatformUrl(context);
  await new ToolKeyStore(context.db, context.keys).ensureKey(context.now());
  await registerPlatformManually(
    context.db,
    {
      tenantId: tenant.id,
      issuer: platformUrl,
      clientId: DEMO_PLATFORM.clientId,
      authUrl: `${platformUrl}/auth`,
      tokenUrl: `${platformUrl}/token`,
      jwksUrl: `${platformUrl}/jwks`,
      deploymentIds: [DEMO_PLATFORM.deploymentId],
    },
    context.config.mode,
    context.now(),
  );
}
