import { createHash, randomBytes, randomInt } from 'node:crypto';
import { preparedSql, type Database } from '../store/index.js';
import { toRegistration, type RoutedRegistration } from './registrations.js';
import { LTI_LIFETIMES } from './lti-options.js';
import { LtiError } from './errors.js';

/** A login the tool started and whose launch it awaits. */
export interface LoginState {
  state: string;
  nonce: string;
  registrationId: string;
  targetLinkUri: string;
  usesPlatformStorage: boolean;
}

/** States are stored by hash: a database reader cannot replay a login in progress. */
export function hashState(state: string): Buffer {
  return createHash('sha256').update(state).digest();
}

/** 32 bytes from the CSPRNG, base64url (Security Framework §5.1.1.1: unguessable). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const STORE_LOGIN_STATE = preparedSql(
  'lti-store-login-state',
  `INSERT INTO lti_login_states (state_hash, nonce, registration_id, target_link_uri,
     uses_platform_storage, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
);

/**
 * Starts a login: a fresh state and nonce, stored until the launch or their expiry. Each
 * statement stands alone (the state's row needs no other to be consistent), so no transaction.
 * @returns the new state and nonce.
 */
export async function createLoginState(
  db: Database,
  input: { registrationId: string; targetLinkUri: string; usesPlatformStorage: boolean },
  now: Date,
): Promise<LoginState> {
  const state = randomToken();
  const nonce = randomToken();
  const expiresAt = new Date(now.getTime() + LTI_LIFETIMES.loginStateSeconds * 1000);
  // Expired states are swept now and then as new ones arrive, a few at a time.
  if (randomInt(SWEEP_EVERY) === 0) {
    await db.systemQuery(
      `DELETE FROM lti_login_states WHERE state_hash IN
         (SELECT state_hash FROM lti_login_states WHERE expires_at < $1 LIMIT 50)`,
      [now],
    );
  }
  await db.systemQuery(STORE_LOGIN_STATE, [
    hashState(state),
    nonce,
    input.registrationId,
    input.targetLinkUri,
    input.usesPlatformStorage,
    now,
    expiresAt,
  ]);
  return { state, nonce, ...input };
}

const SWEEP_EVERY = 20;

interface StateRow {
  nonce: string;
  registration_id: string;
  target_link_uri: string;
  uses_platform_storage: boolean;
  pending_id_token: string | null;
  expires_at: Date;
  consumed_at: Date | null;
}

/** A login state with the registration and deployments its launch is checked against. */
export interface LaunchRouting extends RoutedRegistration {
  loginState: LoginState & { pendingIdToken: string | null };
}

// The state, its registration and the registration's deployments.
const READ_LAUNCH_ROUTING = preparedSql(
  'lti-read-launch-routing',
  `SELECT s.nonce, s.registration_id, s.target_link_uri, s.uses_platform_storage,
     s.pending_id_token, s.expires_at, s.consumed_at,
     r.id, r.owner_tenant_id, r.issuer, r.client_id, r.auth_url, r.token_url, r.jwks_url,
     r.authorization_server, r.product_family, r.status,
     (SELECT coalesce(json_agg(json_build_array(d.deployment_id, d.owner_tenant_id)), '[]'::json)
        FROM lti_deployments d WHERE d.registration_id = r.id) AS deployments
   FROM lti_login_states s JOIN lti_registrations r ON r.id = s.registration_id
   WHERE s.state_hash = $1`,
);

/**
 * Reads, in one statement, a login state (without using it up) and its registration with
 * every deployment.
 * @throws LtiError ERR_LTI_STATE_MISMATCH (unknown), ERR_LTI_NONCE_REPLAYED (already used),
 *   ERR_LTI_STATE_EXPIRED, ERR_LTI_REGISTRATION_INACTIVE
 */
export async function readLaunchRouting(
  db: Database,
  state: string,
  now: Date,
): Promise<LaunchRouting> {
  const [row] = await db.systemQuery<StateRow & Record<string, unknown>>(READ_LAUNCH_ROUTING, [
    hashState(state),
  ]);
  if (!row)
    throw new LtiError('ERR_LTI_STATE_MISMATCH', 'this launch was not started by this tool', {
      status: 401,
    });
  if (row.consumed_at) throw replayed();
  if (row.expires_at.getTime() < now.getTime()) {
    throw new LtiError('ERR_LTI_STATE_EXPIRED', 'this launch took too long; open the tool again', {
      status: 401,
    });
  }
  const registration = toRegistration(row);
  if (registration.status !== 'active') {
    throw new LtiError(
      'ERR_LTI_REGISTRATION_INACTIVE',
      'this platform registration is not active',
      { status: 403 },
    );
  }
  const loginState = {
    state,
    nonce: row.nonce,
    registrationId: row.registration_id,
    targetLinkUri: row.target_link_uri,
    usesPlatformStorage: row.uses_platform_storage,
    pendingIdToken: row.pending_id_token,
  };
  const deployments = new Map(row.deployments as Array<[string, string]>);
  return { loginState, registration, deployments };
}

/** The rejection of a login state used a second time (its nonce is single-use). */
export function replayed(): LtiError {
  return new LtiError(
    'ERR_LTI_NONCE_REPLAYED',
    'this launch was already used; open the tool again from your course',
    {
      status: 401,
    },
  );
}

/** Keeps a launch's id_token beside its state while the browser proves it started the login. */
export async function stashPendingToken(
  db: Database,
  state: string,
  idToken: string,
): Promise<void> {
  await db.systemQuery(
    `UPDATE lti_login_states SET pending_id_token = $2 WHERE state_hash = $1 AND consumed_at IS NULL`,
    [hashState(state), idToken],
  );
}
