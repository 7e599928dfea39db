import { randomUUID } from 'node:crypto';
import { preparedSql, type Database, type Transaction } from '../store/index.js';
import { LtiError } from './errors.js';

/** How the tool reaches and trusts one platform client (issuer + client_id). */
export interface Registration {
  id: string;
  ownerTenantId: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  authorizationServer: string | null;
  productFamily: string | null;
  /** Origin of the platform's pages when neither the issuer's nor the auth endpoint's. */
  platformOrigin: string | null;
  status: 'active' | 'pending' | 'disabled';
}

/** What saving a registration needs; deployments are added with it. */
export interface RegistrationInput extends Omit<Registration, 'id' | 'status' | 'platformOrigin'> {
  status?: Registration['status'];
  platformOrigin?: string | null;
  deploymentIds: string[];
}

/** Reads a registration from a row of lti_registrations (or a join naming the same columns). */
export function toRegistration(row: Record<string, unknown>): Registration {
  return {
    id: row.id as string,
    ownerTenantId: row.owner_tenant_id as string,
    issuer: row.issuer as string,
    clientId: row.client_id as string,
    authUrl: row.auth_url as string,
    tokenUrl: row.token_url as string,
    jwksUrl: row.jwks_url as string,
    authorizationServer: (row.authorization_server as string | null) ?? null,
    productFamily: (row.product_family as string | null) ?? null,
    platformOrigin: (row.platform_origin as string | null) ?? null,
    status: row.status as Registration['status'],
  };
}

/**
 * Saves a registration and its deployments (idempotent by issuer + client_id). A deployment
 * already owned by another district is refused: a deployment belongs to exactly one district.
 * @param db the database.
 * @param input the platform's values.
 * @param now the clock.
 * @returns the stored registration.
 * @throws LtiError ERR_LTI_REGISTRATION_FAILED when the client or a deployment belongs elsewhere.
 */
export async function saveRegistration(
  db: Database,
  input: RegistrationInput,
  now: Date,
): Promise<Registration> {
  return db.withSystem(async (tx) => {
    await tx.query(
      `INSERT INTO lti_registrations (id, owner_tenant_id, issuer, client_id, auth_url, token_url,
         jwks_url, authorization_server, product_family, status, created_at, platform_origin)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (issuer, client_id) DO UPDATE SET auth_url = EXCLUDED.auth_url,
         token_url = EXCLUDED.token_url, jwks_url = EXCLUDED.jwks_url,
         authorization_server = EXCLUDED.authorization_server,
         product_family = EXCLUDED.product_family,
         platform_origin = coalesce(EXCLUDED.platform_origin, lti_registrations.platform_origin)
       WHERE lti_registrations.owner_tenant_id = EXCLUDED.owner_tenant_id`,
      [
        randomUUID(),
        input.ownerTenantId,
        input.issuer,
        input.clientId,
        input.authUrl,
        input.tokenUrl,
        input.jwksUrl,
        input.authorizationServer,
        input.productFamily,
        input.status ?? 'active',
        now,
        input.platformOrigin ?? null,
      ],
    );
    const row = await tx.one(
      'SELECT * FROM lti_registrations WHERE issuer = $1 AND client_id = $2',
      [input.issuer, input.clientId],
    );
    const registration = toRegistration(row!);
    if (registration.ownerTenantId !== input.ownerTenantId) {
      throw new LtiError(
        'ERR_LTI_REGISTRATION_FAILED',
        'this client is registered to another district',
      );
    }
    for (const deploymentId of input.deploymentIds) {
      await addDeploymentIn(tx, registration, deploymentId, now);
    }
    return registration;
  });
}

async function addDeploymentIn(
  tx: Transaction,
  registration: Registration,
  deploymentId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO lti_deployments (registration_id, deployment_id, owner_tenant_id, created_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [registration.id, deploymentId, registration.ownerTenantId, now],
  );
  const owner = await tx.one<{ owner_tenant_id: string }>(
    'SELECT owner_tenant_id FROM lti_deployments WHERE registration_id = $1 AND deployment_id = $2',
    [registration.id, deploymentId],
  );
  if (owner?.owner_tenant_id !== registration.ownerTenantId) {
    throw new LtiError(
      'ERR_LTI_REGISTRATION_FAILED',
      'this deployment belongs to another district',
    );
  }
}

/**
 * Adds one deployment to a registration.
 * @throws LtiError ERR_LTI_REGISTRATION_FAILED when it belongs to another district.
 */
export async function addDeployment(
  db: Database,
  registration: Registration,
  deploymentId: string,
  now: Date,
): Promise<void> {
  await db.withSystem((tx) => addDeploymentIn(tx, registration, deploymentId, now));
}

const REGISTRATION_COLUMNS = `id, owner_tenant_id, issuer, client_id, auth_url, token_url, jwks_url,
  authorization_server, product_family, platform_origin, status`;

const FIND_BY_ISSUER = preparedSql(
  'lti-find-registration-by-issuer',
  `SELECT ${REGISTRATION_COLUMNS} FROM lti_registrations WHERE issuer = $1 LIMIT 2`,
);

const FIND_BY_ISSUER_AND_CLIENT = preparedSql(
  'lti-find-registration',
  `SELECT ${REGISTRATION_COLUMNS} FROM lti_registrations WHERE issuer = $1 AND client_id = $2`,
);

/**
 * Finds the registration of a login or launch. Without a client_id the issuer must have
 * exactly one registration (standards §1.1: hosted Canvas shares one issuer).
 * @throws LtiError ERR_LTI_UNKNOWN_REGISTRATION, ERR_LTI_AMBIGUOUS_REGISTRATION
 */
export async function findRegistration(
  db: Database,
  issuer: string,
  clientId: string | undefined,
): Promise<Registration> {
  const rows =
    clientId === undefined
      ? await db.systemQuery(FIND_BY_ISSUER, [issuer])
      : await db.systemQuery(FIND_BY_ISSUER_AND_CLIENT, [issuer, clientId]);
  if (rows.length === 0) {
    throw new LtiError(
      'ERR_LTI_UNKNOWN_REGISTRATION',
      'this platform is not registered with the tool',
      {
        status: 401,
      },
    );
  }
  if (rows.length > 1) {
    throw new LtiError(
      'ERR_LTI_AMBIGUOUS_REGISTRATION',
      'this platform has several registrations; it must send client_id',
    );
  }
  return toRegistration(rows[0]!);
}

/** Finds a registration by its internal id, or undefined. */
export async function findRegistrationById(
  db: Database,
  id: string,
): Promise<Registration | undefined> {
  const row = await db.withSystem((tx) =>
    tx.one('SELECT * FROM lti_registrations WHERE id = $1', [id]),
  );
  return row ? toRegistration(row) : undefined;
}

/** A registration with its deployments: deployment id → owning district. */
export interface RoutedRegistration {
  registration: Registration;
  deployments: ReadonlyMap<string, string>;
}

/**
 * Marks a registration active (an administrator approved it) or disabled.
 * @returns whether a registration changed.
 */
export async function setRegistrationStatus(
  db: Database,
  id: string,
  status: Registration['status'],
): Promise<boolean> {
  const rows = await db.withSystem((tx) =>
    tx.query('UPDATE lti_registrations SET status = $2 WHERE id = $1 RETURNING id', [id, status]),
  );
  return rows.length === 1;
}

/**
 * The origins of every active registration's platform, for CSP frame-ancestors: its issuer,
 * its authorization endpoint and, where recorded, the origin of its own pages (Dynamic
 * Registration records the host that served the configuration; `--platform-origin` by hand).
 */
export async function listPlatformOrigins(db: Database): Promise<string[]> {
  const rows = await db.withSystem((tx) =>
    tx.query<{ issuer: string; auth_url: string; platform_origin: string | null }>(
      `SELECT issuer, auth_url, platform_origin FROM lti_registrations WHERE status = 'active'`,
    ),
  );
  const origins = new Set<string>();
  for (const row of rows) {
    for (const url of [row.issuer, row.auth_url, row.platform_origin ?? '']) {
      try {
        origins.add(new URL(url).origin);
      } catch {
        // An issuer need not be a URL for some platforms; it then has no origin to allow.
      }
    }
  }
  return [...origins];
}
