import { createHash, randomUUID } from 'node:crypto';
import type { Viewer } from '../privacy/index.js';
import { appendAudit, preparedSql, type Database, type TenantTransaction } from '../store/index.js';
import type { LaunchContext, DeepLinkingSettings, VerifiedLaunch } from './launch-claims.js';
import { hashState, randomToken, replayed } from './login-states.js';
import { LTI_LIFETIMES } from './lti-options.js';
import { LtiError } from './errors.js';

/** How the browser carries its session: a cookie, or (cookies blocked) a query parameter. */
export type SessionTransport = 'cookie' | 'query';

/** A launch as stored for its session. */
export interface StoredLaunch {
  id: string;
  registrationId: string;
  deploymentId: string;
  messageType: string;
  viewer: Viewer;
  context: Partial<LaunchContext>;
  deepLinking: (DeepLinkingSettings & { issuer: string; clientId: string }) | null;
  widget: string;
}

/** An open session, found by its token. */
export interface OpenSession {
  sessionId: string;
  tenantId: string;
  transport: SessionTransport;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function lifetimes(transport: SessionTransport) {
  return transport === 'cookie'
    ? {
        idle: LTI_LIFETIMES.cookieSessionIdleSeconds,
        absolute: LTI_LIFETIMES.cookieSessionAbsoluteSeconds,
      }
    : {
        idle: LTI_LIFETIMES.querySessionIdleSeconds,
        absolute: LTI_LIFETIMES.querySessionAbsoluteSeconds,
      };
}

/** What is stored about an accepted launch. */
export interface LaunchRecord {
  launch: VerifiedLaunch;
  viewer: Omit<Viewer, 'launchId'>;
  widget: string;
  clientId: string;
  transport: SessionTransport;
}

// Uses the login state up if it was not already, and stores the session only if it was.
const OPEN_SESSION = preparedSql(
  'lti-open-session',
  `WITH consumed AS (
     UPDATE lti_login_states SET consumed_at = $5, pending_id_token = NULL
     WHERE state_hash = $8 AND consumed_at IS NULL RETURNING state_hash
   )
   INSERT INTO lti_sessions (id, token_hash, owner_tenant_id, transport, created_at, last_seen_at,
     idle_expires_at, absolute_expires_at, idle_seconds)
   SELECT $1::uuid, $2::bytea, $3::uuid, $4::text, $5::timestamptz, $5, $6::timestamptz,
     $7::timestamptz, $9::integer
   FROM consumed
   RETURNING id`,
);

/**
 * Opens the session of a launch that passed every check, in one statement: the login state is
 * used up (its nonce is single-use, Security Framework §5.1.3 step 9) and the session token's
 * hash is stored only if it was. Of two launches racing with one state, the second waits for the
 * first's row lock, then finds the state consumed and stores nothing. The token itself is
 * returned once and stored nowhere.
 * @returns the session id (also the viewer's launchId) and its token.
 * @throws LtiError ERR_LTI_NONCE_REPLAYED
 */
export async function openSession(
  db: Database,
  input: { state: string; tenantId: string; transport: SessionTransport },
  now: Date,
): Promise<{ sessionId: string; token: string }> {
  const sessionId = randomUUID();
  const token = randomToken();
  const life = lifetimes(input.transport);
  const opened = await db.systemQuery(OPEN_SESSION, [
    sessionId,
    hashToken(token),
    input.tenantId,
    input.transport,
    now,
    new Date(now.getTime() + life.idle * 1000),
    new Date(now.getTime() + life.absolute * 1000),
    hashState(input.state),
    life.idle,
  ]);
  if (opened.length !== 1) throw replayed();
  return { sessionId, token };
}

// Stores the launch and, in the same statement, shortens its session to the district's
// contract timeouts where they are shorter than the transport's (privacy-checklist.md R15). A
// district without a contract row keeps the product's timeouts, which are within the defaults.
const STORE_LAUNCH = preparedSql(
  'lti-store-launch-contract',
  `WITH contract AS (
     SELECT session_idle_minutes * 60 AS idle_seconds, session_absolute_hours AS absolute_hours
     FROM privacy_contracts WHERE tenant_id = $1
   ), tightened AS (
     UPDATE lti_sessions s SET
       idle_seconds = LEAST(COALESCE(s.idle_seconds, c.idle_seconds), c.idle_seconds),
       idle_expires_at = LEAST(s.idle_expires_at, s.last_seen_at + make_interval(secs => c.idle_seconds)),
       absolute_expires_at = LEAST(s.absolute_expires_at,
         s.created_at + make_interval(hours => c.absolute_hours))
     FROM contract c WHERE s.id = $2
     RETURNING s.id
   )
   INSERT INTO lti_launches (tenant_id, id, registration_id, deployment_id, message_type, viewer,
     context, deep_linking, widget, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
);

/**
 * Stores what a launch established (viewer, context, deep-linking return) under the district's
 * isolation, with its audit event last so the chain's lock is held briefly.
 * @param tx a transaction of the launch's district.
 */
export async function storeLaunch(
  tx: TenantTransaction,
  sessionId: string,
  record: LaunchRecord,
  now: Date,
): Promise<void> {
  const { launch, viewer } = record;
  const deepLinking = launch.deepLinking
    ? { ...launch.deepLinking, issuer: launch.issuer, clientId: record.clientId }
    : null;
  const context = launch.context
    ? { label: launch.context.label, title: launch.context.title }
    : {};
  await tx.query(STORE_LAUNCH, [
    tx.tenantId,
    sessionId,
    launch.registrationId,
    launch.deploymentId,
    launch.messageType,
    JSON.stringify({ ...viewer, launchId: sessionId }),
    JSON.stringify(context),
    deepLinking && JSON.stringify(deepLinking),
    record.widget,
    now,
  ]);
  await appendAudit(
    tx,
    {
      actorType: 'user',
      actorId: viewer.personId,
      action: 'lti.launch.accepted',
      resourceType: 'lti_launch',
      resourceId: sessionId,
      launchId: sessionId,
      outcome: 'ok',
      detail: { role: viewer.role, messageType: launch.messageType, transport: record.transport },
    },
    now,
  );
}

const FIND_SESSION = preparedSql(
  'lti-find-session',
  `SELECT id, owner_tenant_id, transport, last_seen_at, idle_expires_at, absolute_expires_at,
     idle_seconds
   FROM lti_sessions WHERE token_hash = $1`,
);

const TOUCH_SESSION = preparedSql(
  'lti-touch-session',
  'UPDATE lti_sessions SET last_seen_at = $2, idle_expires_at = $3 WHERE id = $1',
);

/**
 * Finds the open session of a token and extends its idle timeout (when it was last extended
 * more than `LTI_LIFETIMES.sessionTouchSeconds` ago).
 * @throws LtiError ERR_LTI_SESSION_EXPIRED (idle or absolute timeout passed),
 *   ERR_LTI_SESSION_REQUIRED (no such session)
 */
export async function touchSession(db: Database, token: string, now: Date): Promise<OpenSession> {
  const [row] = await db.systemQuery<{
    id: string;
    owner_tenant_id: string;
    transport: SessionTransport;
    last_seen_at: Date;
    idle_expires_at: Date;
    absolute_expires_at: Date;
    idle_seconds: number | null;
  }>(FIND_SESSION, [hashToken(token)]);
  if (!row)
    throw new LtiError('ERR_LTI_SESSION_REQUIRED', 'open this tool from your course or portal', {
      status: 401,
    });
  if (row.idle_expires_at <= now || row.absolute_expires_at <= now) {
    throw new LtiError('ERR_LTI_SESSION_EXPIRED', 'your session has ended; open the tool again', {
      status: 401,
    });
  }
  if (now.getTime() - row.last_seen_at.getTime() >= LTI_LIFETIMES.sessionTouchSeconds * 1000) {
    const idleSeconds = row.idle_seconds ?? lifetimes(row.transport).idle;
    // On its own: a concurrent request moving the same deadline writes the same kind of value.
    await db.systemQuery(TOUCH_SESSION, [
      row.id,
      now,
      new Date(now.getTime() + idleSeconds * 1000),
    ]);
  }
  return { sessionId: row.id, tenantId: row.owner_tenant_id, transport: row.transport };
}

/**
 * Reads the launch of a session inside its district.
 * @throws LtiError ERR_LTI_SESSION_REQUIRED when the launch is gone (offboarded district).
 */
export async function readLaunch(tx: TenantTransaction, sessionId: string): Promise<StoredLaunch> {
  const row = await tx.one<Record<string, unknown>>('SELECT * FROM lti_launches WHERE id = $1', [
    sessionId,
  ]);
  if (!row)
    throw new LtiError('ERR_LTI_SESSION_REQUIRED', 'open this tool from your course or portal', {
      status: 401,
    });
  return {
    id: row.id as string,
    registrationId: row.registration_id as string,
    deploymentId: row.deployment_id as string,
    messageType: row.message_type as string,
    viewer: row.viewer as Viewer,
    context: row.context as Partial<LaunchContext>,
    deepLinking: (row.deep_linking as StoredLaunch['deepLinking']) ?? null,
    widget: row.widget as string,
  };
}
