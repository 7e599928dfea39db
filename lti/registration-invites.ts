import { createHash } from 'node:crypto';
import type { Database } from '../store/index.js';
import { randomToken } from './login-states.js';
import { LtiError } from './errors.js';

/** How long an invite to register a platform into a district stays valid. */
export const INVITE_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

function hashCode(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}

/**
 * Creates a single-use code that lets one Dynamic Registration join an existing district
 * (standards §1.7: the registration URL is public, so joining a district needs a secret).
 * @returns the code (shown once) and when it expires.
 */
export async function createRegistrationInvite(
  db: Database,
  tenantId: string,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = randomToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_SECONDS * 1000);
  await db.withSystem((tx) =>
    tx.query(
      'INSERT INTO lti_registration_invites (code_hash, owner_tenant_id, expires_at) VALUES ($1,$2,$3)',
      [hashCode(code), tenantId, expiresAt],
    ),
  );
  return { code, expiresAt };
}

/**
 * Uses an invite up and returns its district.
 * @throws LtiError ERR_LTI_BAD_INVITE when unknown, used or expired.
 */
export async function useRegistrationInvite(
  db: Database,
  code: string,
  now: Date,
): Promise<string> {
  const row = await db.withSystem((tx) =>
    tx.one<{ owner_tenant_id: string }>(
      `UPDATE lti_registration_invites SET used_at = $2
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING owner_tenant_id`,
      [hashCode(code), now],
    ),
  );
  if (!row)
    throw new LtiError('ERR_LTI_BAD_INVITE', 'this registration link is unknown, used or expired', {
      status: 403,
    });
  return row.owner_tenant_id;
}
