import type { Database } from '../store/index.js';
import { InputError } from '../store/index.js';
import { requireTrustedUrl } from './endpoint-policy.js';
import { saveRegistration, type Registration } from './registrations.js';
import type { RunMode } from './lti-options.js';
import { isLtiError } from './errors.js';

/** The values an LMS administrator copies from the platform's tool settings. */
export interface ManualRegistrationInput {
  tenantId: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  productFamily?: string;
  /** Origin of the platform's own pages, when it is neither the issuer's nor the auth URL's. */
  platformOrigin?: string;
}

/**
 * Registers a platform by hand (`ccmr lti register`), active at once: the operator vouches for
 * it. Idempotent by issuer and client id.
 * @returns the registration.
 * @throws InputError ERR_LTI_BAD_REQUEST or ERR_LTI_INSECURE_ENDPOINT naming the field.
 */
export async function registerPlatformManually(
  db: Database,
  input: ManualRegistrationInput,
  mode: RunMode,
  now: Date,
): Promise<Registration> {
  const fields: Record<string, string> = {
    issuer: input.issuer,
    'auth-url': input.authUrl,
    'token-url': input.tokenUrl,
    'jwks-url': input.jwksUrl,
    ...(input.platformOrigin ? { 'platform-origin': input.platformOrigin } : {}),
  };
  for (const [field, value] of Object.entries(fields)) {
    try {
      requireTrustedUrl(value, `--${field}`, mode);
    } catch (error) {
      if (isLtiError(error)) throw new InputError(error.code, error.message);
      throw error;
    }
  }
  if (input.clientId.trim() === '')
    throw new InputError('ERR_LTI_BAD_REQUEST', '--client-id must not be empty');
  if (input.deploymentIds.some((id) => id === '' || id.length > 255)) {
    throw new InputError('ERR_LTI_BAD_REQUEST', '--deployment-id must be 1–255 characters');
  }
  return saveRegistration(
    db,
    {
      ownerTenantId: input.tenantId,
      issuer: input.issuer,
      clientId: input.clientId,
      authUrl: input.authUrl,
      tokenUrl: input.tokenUrl,
      jwksUrl: input.jwksUrl,
      authorizationServer: null,
      productFamily: input.productFamily ?? null,
      platformOrigin: input.platformOrigin ? requireOrigin(input.platformOrigin, mode) : null,
      status: 'active',
      deploymentIds: input.deploymentIds,
    },
    now,
  );
}

function requireOrigin(value: string, mode: RunMode): string {
  return requireTrustedUrl(value, '--platform-origin', mode).origin;
}
