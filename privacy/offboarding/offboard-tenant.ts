import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  appendSystemAudit,
  findTenantById,
  type Transaction,
} from '../../store/index.js';
import type { PrivacyContext } from '../privacy-context.js';
import { PrivacyInputError } from '../errors.js';
import { exportDeidentifiedAggregates } from '../deidentify/export-deidentified-aggregates.js';
import { deleteTenantFiles, tenantFilesFolder } from '../data-requests/tenant-files.js';
import { forgetTenantCaches } from '../data-requests/student-caches.js';
import type { RequestActor } from '../data-requests/request-actor.js';
import { deleteTenantRows } from './delete-tenant-rows.js';
import { hashDisposalCertificate, type DisposalCertificate } from './disposal-certificate.js';

async function readIssuedCertificate(
  tx: Transaction,
  tenantId: string,
): Promise<DisposalCertificate | null> {
  const row = await tx.one<{ certificate: DisposalCertificate }>(
    'SELECT certificate FROM disposal_certificates WHERE tenant_id = $1 ORDER BY issued_at DESC LIMIT 1',
    [tenantId],
  );
  return row?.certificate ?? null;
}

/** Deletes queued and finished jobs whose payload names the district. */
async function deleteTenantJobs(
  tx: Transaction,
  tenantId: string,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const table of ['pgboss.job', 'pgboss.archive']) {
    const exists = await tx.one<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
      table,
    ]);
    if (!exists?.found) continue;
    const rows = await tx.query(
      `DELETE FROM ${table} WHERE strpos(data::text, $1) > 0 RETURNING 1 AS gone`,
      [tenantId],
    );
    if (rows.length > 0) removed[table] = rows.length;
  }
  return removed;
}

/** Disposes of every row, key and job of the district in one owner transaction. */
async function disposeOfDatabaseRows(context: PrivacyContext, tenantId: string, now: Date) {
  return context.db.withOwner(async (tx) => {
    const head = await tx.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1',
      [tenantId],
    );
    const keys = await tx.query<{ version: number; master_key_id: string }>(
      'SELECT version, master_key_id FROM tenant_keys WHERE tenant_id = $1 ORDER BY version',
      [tenantId],
    );
    const rows = await deleteTenantRows(tx, tenantId);
    const jobs = await deleteTenantJobs(tx, tenantId);
    await tx.query(
      `UPDATE tenants SET status = 'offboarded', offboarded_at = $2, settings = '{}'::jsonb WHERE id = $1`,
      [tenantId, now],
    );
    return {
      auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null,
      keysDestroyed: keys.map((key) => ({
        keyId: `${tenantId}/v${key.version}`,
        masterKeyId: key.master_key_id,
      })),
      rows,
      jobs,
    };
  });
}

/**
 * Offboards a district (privacy-checklist.md R7, R22): records the decision in its audit trail,
 * keeps (in de-identify mode) only the TEA-masked aggregate release, then deletes every row that
 * carries the district's id, its data keys (crypto-shredding every copy of its ciphertexts,
 * backups included), its job payloads, files and cached entries, and issues a certificate of
 * disposal with counts per table, key ids and a hash of itself. A second run returns the
 * certificate already issued.
 * @param context database, keys, clock and data folder.
 * @param tenantId the district.
 * @param options the mode, the district's slug typed again as confirmation, and who asks.
 * @returns the certificate.
 * @throws PrivacyInputError (ERR_PRIVACY_BAD_CONFIRMATION) when the slug does not match.
 */
export async function offboardTenant(
  context: PrivacyContext,
  tenantId: string,
  options: { mode: 'delete' | 'deidentify'; confirmSlug: string; actor: RequestActor },
): Promise<DisposalCertificate> {
  const tenant = await findTenantById(context.db, tenantId);
  if (!tenant || tenant.slug !== options.confirmSlug) {
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_CONFIRMATION',
      '--confirm must repeat the district slug exactly',
    );
  }
  if (tenant.status === 'offboarded') {
    const issued = await context.db.withOwner((tx) => readIssuedCertificate(tx, tenantId));
    if (issued) return issued;
  }
  const startedAt = context.now();
  const retainedDeidentified =
    options.mode === 'deidentify'
      ? await exportDeidentifiedAggregates(context.db, tenantId, {
          actor: options.actor,
          now: startedAt,
        })
      : null;
  await context.db.withTenant(tenantId, (tx) =>
    appendAudit(
      tx,
      {
        actorType: options.actor.actorType,
        actorId: options.actor.actorId,
        action: 'tenant.offboarding',
        resourceType: 'district',
        detail: { mode: options.mode },
      },
      startedAt,
    ),
  );

  const disposed = await disposeOfDatabaseRows(context, tenantId, startedAt);
  context.keys.forget(tenantId);
  const removedFiles = await deleteTenantFiles(tenantFilesFolder(context.config.dataDir, tenantId));
  forgetTenantCaches(tenantId);

  const content: Omit<DisposalCertificate, 'certificateSha256'> = {
    format: 'ccmr-disposal-certificate/1',
    tenantId,
    slug: tenant.slug,
    mode: options.mode,
    startedAt: startedAt.toISOString(),
    completedAt: context.now().toISOString(),
    removedRows: disposed.rows.removed,
    removedJobs: disposed.jobs,
    removedFiles,
    keysDestroyed: disposed.keysDestroyed,
    auditHead: disposed.auditHead,
    retainedTables: disposed.rows.retained,
    retainedDeidentified,
  };
  const certificate: DisposalCertificate = {
    ...content,
    certificateSha256: hashDisposalCertificate(content),
  };
  await context.db.withOwner((tx) =>
    tx.query(
      `INSERT INTO disposal_certificates (tenant_id, id, mode, issued_at, certificate, certificate_sha256)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        tenantId,
        randomUUID(),
        options.mode,
        context.now(),
        JSON.stringify(certificate),
        certificate.certificateSha256,
      ],
    ),
  );
  await appendSystemAudit(
    context.db,
    {
      action: 'tenant.offboarded',
      outcome: 'ok',
      detail: { tenantId, mode: options.mode, certificateSha256: certificate.certificateSha256 },
    },
    context.now(),
  );
  return certificate;
}
