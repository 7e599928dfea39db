import { appendAudit, type AuditEvent, type Database, type TenantKeys } from '../../store/index.js';
import { readAuditEvents, type StoredAuditEvent } from './audit-rows.js';
import { recordAuditCheckpoint, type AuditCheckpoint } from './audit-checkpoint.js';
import { verifyAuditChain, type AuditVerification } from './verify-audit-chain.js';

/** A district's audit log as handed to it for its annual audit (privacy-checklist.md R24). */
export interface AuditExport {
  format: 'ccmr-audit-export/1';
  tenantId: string;
  exportedAt: string;
  range: { from: string | null; to: string | null };
  /** Every event of the range, with the hashes that chain it. */
  events: StoredAuditEvent[];
  /** The signed head at export time: keep it, and pass it to `ccmr audit verify --anchor`. */
  anchor: AuditCheckpoint | null;
  verification: AuditVerification;
}

/** Who asked for the export; the export itself is an audited read. */
export interface ExportActor {
  actorType: AuditEvent['actorType'];
  actorId: string | null;
  launchId?: string | null;
}

/**
 * Exports a district's audit log. The export is recorded in the log first, so it appears in its
 * own output; the head is then signed and included as an anchor the district can keep.
 * @param db the database.
 * @param keys the district data keys.
 * @param tenantId the district.
 * @param options the time window (inclusive from, exclusive to), who asks, and the clock.
 * @returns the export, ready to serialise as JSON.
 */
export async function exportAuditLog(
  db: Database,
  keys: TenantKeys,
  tenantId: string,
  options: { from?: Date; to?: Date; actor: ExportActor; now: Date },
): Promise<AuditExport> {
  const range = {
    from: options.from?.toISOString() ?? null,
    to: options.to?.toISOString() ?? null,
  };
  await db.withTenant(tenantId, (tx) =>
    appendAudit(
      tx,
      {
        actorType: options.actor.actorType,
        actorId: options.actor.actorId,
        launchId: options.actor.launchId ?? null,
        action: 'audit.exported',
        resourceType: 'audit_log',
        detail: { range },
      },
      options.now,
    ),
  );
  const anchor = await recordAuditCheckpoint(db, keys, tenantId, options.now);
  const events = await db.withOwner((tx) => readAuditEvents(tx, tenantId, options));
  const verification = await verifyAuditChain(db, keys, tenantId);
  return {
    format: 'ccmr-audit-export/1',
    tenantId,
    exportedAt: options.now.toISOString(),
    range,
    events,
    anchor,
    verification,
  };
}
