import { DEFAULT_ROLE_MAP } from '../../lti/index.js';
import { getSyncStatus, type SyncStatus } from '../../oneroster/index.js';
import {
  getConnectionSummary,
  getDeliveryStatus,
  type ConnectionSummary,
} from '../../integrations/skyward/index.js';
import type { Database, TenantTransaction } from '../../store/index.js';

/** One LTI registration serving the district. */
export interface RegistrationLine {
  issuer: string;
  clientId: string;
  productFamily: string | null;
  status: string;
  deployments: number;
}

/** One data request (export, correction, deletion) with its deadline. */
export interface DataRequestLine {
  id: string;
  kind: string;
  status: string;
  receivedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
}

/** What the admin console shows about the district's connections and requests. */
export interface AdminOverview {
  roster: SyncStatus;
  skyward: ConnectionSummary;
  failedDeliveries: Array<{ certificationId: string; failureCode: string | null }>;
  roleMappings: Array<{ ltiRole: string; viewerRole: string; isDistrictChoice: boolean }>;
  dataRequests: DataRequestLine[];
}

async function readRoleMappings(tx: TenantTransaction): Promise<AdminOverview['roleMappings']> {
  const own = await tx.query<{ lti_role: string; viewer_role: string }>(
    'SELECT lti_role, viewer_role FROM lti_role_mappings ORDER BY lti_role',
  );
  const ownRoles = new Map(own.map((row) => [row.lti_role, row.viewer_role]));
  const all = new Set([...Object.keys(DEFAULT_ROLE_MAP), ...ownRoles.keys()]);
  return [...all].sort().map((ltiRole) => ({
    ltiRole,
    viewerRole: ownRoles.get(ltiRole) ?? DEFAULT_ROLE_MAP[ltiRole],
    isDistrictChoice: ownRoles.has(ltiRole),
  }));
}

/**
 * The district's connections, role mapping and data requests for the admin console.
 *
 * Limitation: the LTI and privacy modules export no listing of registrations or data requests
 * yet, so those two are read here from their tables (read only).
 *
 * @param tx - a transaction of the district.
 * @returns the overview.
 */
export async function readAdminOverview(tx: TenantTransaction): Promise<AdminOverview> {
  const deliveries = await getDeliveryStatus(tx);
  const requests = await tx.query<{
    id: string;
    kind: string;
    status: string;
    received_at: Date;
    due_at: Date;
    completed_at: Date | null;
  }>(
    `SELECT id, kind, status, received_at, due_at, completed_at FROM data_requests
      ORDER BY received_at DESC LIMIT 50`,
  );
  return {
    roster: await getSyncStatus(tx),
    skyward: await getConnectionSummary(tx),
    failedDeliveries: deliveries
      .filter((d) => d.status === 'failed')
      .map((d) => ({ certificationId: d.certificationId, failureCode: d.failureCode })),
    roleMappings: await readRoleMappings(tx),
    dataRequests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      completedAt: r.completed_at,
    })),
  };
}

/**
 * The LTI registrations with a deployment in the district (system tables, no personal data).
 *
 * @param db - the database.
 * @param tenantId - the district.
 * @returns the registrations.
 */
export async function listDistrictRegistrations(
  db: Database,
  tenantId: string,
): Promise<RegistrationLine[]> {
  const rows = await db.withSystem((tx) =>
    tx.query<{
      issuer: string;
      client_id: string;
      product_family: string | null;
      status: string;
      deployments: number;
    }>(
      `SELECT r.issuer, r.client_id, r.product_family, r.status, count(d.deployment_id) AS deployments
         FROM lti_registrations r
         JOIN lti_deployments d ON d.registration_id = r.id
        WHERE d.owner_tenant_id = $1
        GROUP BY r.id ORDER BY r.issuer, r.client_id`,
      [tenantId],
    ),
  );
  return rows.map((row) => ({
    issuer: row.issuer,
    clientId: row.client_id,
    productFamily: row.product_family,
    status: row.status,
    deployments: row.deployments,
  }));
}
