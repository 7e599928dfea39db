import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../store/index.js';
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

/**
 * Starts a login: a fresh state and nonce, stored until the launch or their expiry.
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
  await db.withSystem(async (tx) => {
    // Expired states are swept as new ones arrive, a few at a time, so the table stays small.
    await tx.query(
      `DELETE FROM lti_login_states WHERE state_hash IN
         (SELECT state_hash FROM lti_login_states WHERE expires_at < $1 LIMIT 20)`,
      [now],
    );
    await tx.query(
      `INSERT INTO lti_login_states (state_hash, nonce, registration_id, target_link_uri,
         uses_platform_storage, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [
        hashState(state),
        nonce,
        input.registrationId,
        input.targetLinkUri,
        input.usesPlatformStorage,
        now,
        expiresAt,
      ],
    );
  });
  return { state, nonce, ...input };
}

interface StateRow {
  nonce: string;
  registration_id: string;
  target_link_uri: string;
  uses_platform_storage: boolean;
  pending_id_token: string | null;
  expires_at: Date;
  consumed_at: Date | null;
}

/**
 * Reads a login state without using it up.
 * @throws LtiError ERR_LTI_STATE_MISMATCH (unknown), ERR_LTI_NONCE_REPLAYED (already used),
 *   ERR_LTI_STATE_EXPIRED
 */
export async function readLoginState(
  db: Database,
  state: string,
  now: Date,
): Promise<LoginState & { pendingIdToken: string | null }> {
  const row = await db.withSystem((tx) =>
    tx.one<StateRow & Record<string, unknown>>(
      'SELECT * FROM lti_login_states WHERE state_hash = $1',
      [hashState(state)],
    ),
  );
  if (!row)
    throw new LtiError('ERR_LTI_STATE_MISMATCH', 'this launch was not started by this tool', {
      status: 401,
    });
  if (row.consumed_at) {
    throw new LtiError(
      'ERR_LTI_NONCE_REPLAYED',
      'this launch was already used; open the tool again from your course',
      {
        status: 401,
      },
    );
  }
  if (row.expires_at.getTime() < now.getTime()) {
    throw new LtiError('ERR_LTI_STATE_EXPIRED', 'this launch took too long; open the tool again', {
      status: 401,
    });
  }
  return {
    state,
    nonce: row.nonce,
    registrationId: row.registration_id,
    targetLinkUri: row.target_link_uri,
    usesPlatformStorage: row.uses_platform_storage,
    pendingIdToken: row.pending_id_token,
  };
}

/**
 * Uses a login state up, atomically: of two launches racing with one state and nonce, exactly
 * one wins (the nonce is single-use, Security Framework §5.1.3 step 9).
 * @throws LtiError ERR_LTI_NONCE_REPLAYED when it was already used.
 */
export async function consumeLoginState(db: Database, state: string, now: Date): Promise<void> {
  const rows = await db.withSystem((tx) =>
    tx.query(
      `UPDATE lti_login_states SET consumed_at = $2, pending_id_token = NULL
       WHERE state_hash = $1 AND consumed_at IS NULL RETURNING state_hash`,
      [hashState(state), now],
    ),
  );
  if (rows.length !== 1) {
    throw new LtiError(
      'ERR_LTI_NONCE_REPLAYED',
      'this launch was already used; open the tool again from your course',
      {
        status: 401,
      },
    );
  }
}

/** Keeps a launch's id_token beside its state while the browser proves it started the login. */
export async function stashPendingToken(
  db: Database,
  state: string,
  idToken: string,
): Promise<void> {
  await db.withSystem((tx) =>
    tx.query(
      `UPDATE lti_login_states SET pending_id_token = $2 WHERE state_hash = $1 AND consumed_at IS NULL`,
      [hashState(state), idToken],
    ),
  );
}
