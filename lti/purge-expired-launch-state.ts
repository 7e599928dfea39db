import { listTenants, type Database } from '../store/index.js';
import { LTI_LIFETIMES } from './lti-options.js';

/** What one purge removed. */
export interface LaunchStatePurge {
  loginStates: number;
  sessions: number;
  launches: number;
  invites: number;
}

/**
 * A launch record outlives its session by this much: long enough for a request that started
 * just before the session ended to read it, short enough that who-launched-what (the viewer,
 * their scope, the course) does not pile up. The audit chain keeps the launch's event for good.
 */
const LAUNCH_RECORD_GRACE_SECONDS = 24 * 60 * 60;

/** The longest any session can live: no launch older than this is still in use. */
const LONGEST_SESSION_SECONDS = Math.max(
  LTI_LIFETIMES.cookieSessionAbsoluteSeconds,
  LTI_LIFETIMES.querySessionAbsoluteSeconds,
);

/**
 * Deletes what the LTI module keeps only while a login or session can still use it: expired
 * login states (their nonces can no longer be replayed: a token that old fails the age check),
 * sessions past either timeout, launch records whose session can no longer exist, and expired
 * registration invites. Idempotent.
 * @param db the database.
 * @param now the clock.
 * @returns how many rows of each kind were removed.
 */
export async function purgeExpiredLaunchState(db: Database, now: Date): Promise<LaunchStatePurge> {
  const system = await db.withSystem(async (tx) => {
    const loginStates = await tx.query(
      'DELETE FROM lti_login_states WHERE expires_at < $1 RETURNING 1',
      [now],
    );
    const sessions = await tx.query(
      `DELETE FROM lti_sessions WHERE idle_expires_at < $1 OR absolute_expires_at < $1
       RETURNING 1`,
      [now],
    );
    const invites = await tx.query(
      'DELETE FROM lti_registration_invites WHERE expires_at < $1 RETURNING 1',
      [now],
    );
    return { loginStates: loginStates.length, sessions: sessions.length, invites: invites.length };
  });
  const launchCutoff = new Date(
    now.getTime() - (LONGEST_SESSION_SECONDS + LAUNCH_RECORD_GRACE_SECONDS) * 1000,
  );
  let launches = 0;
  for (const tenant of await listTenants(db)) {
    const removed = await db.withTenant(tenant.id, (tx) =>
      tx.query('DELETE FROM lti_launches WHERE created_at < $1 RETURNING 1', [launchCutoff]),
    );
    launches += removed.length;
  }
  return { ...system, launches };
}
