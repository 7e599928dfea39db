import { appendAudit, type AuditEvent, type Database, type TenantKeys } from '../../store/index.js';
import { DEFAULT_COLUMN_MAPPING } from './column-mapping.js';
import { renderCsv } from './render-csv.js';
import { findSkywardConnection } from './skyward-connection.js';
import {
  WRITE_BACK_SOURCE_COLUMNS,
  WRITE_BACK_SOURCE_JOINS,
  toWriteBackLine,
  type WriteBackSourceRow,
} from './write-back-source.js';
import type { WriteBackLine } from './write-back-line.js';

/** A full export: every current certification, for a manual import or a check. */
export interface SkywardExport {
  content: Buffer;
  records: number;
  /** Certifications left out because their student has no state or local ID. */
  skipped: number;
}

/**
 * Builds a file of every current (not deleted) certification at its current version, in the
 * district's layout (the canonical one when no connection is saved). Changes no delivery state;
 * lines carry id and version, so Skyward can tell them from delivered ones. Audited.
 * @param context the database, keys and clock.
 * @param tenantId the district.
 * @param actor who exported.
 * @returns the file's bytes and counts.
 */
export async function exportSkywardFile(
  context: { readonly db: Database; readonly keys: TenantKeys; now(): Date },
  tenantId: string,
  actor: Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>,
): Promise<SkywardExport> {
  return context.db.withTenant(tenantId, async (tx) => {
    const connection = await findSkywardConnection(context, tx);
    const cipher = await context.keys.cipherFor(tx);
    const rows = await tx.query<WriteBackSourceRow>(
      `SELECT ${WRITE_BACK_SOURCE_COLUMNS} FROM certifications c ${WRITE_BACK_SOURCE_JOINS}
       WHERE c.deleted_at IS NULL ORDER BY c.created_at, c.id`,
    );
    const lines: WriteBackLine[] = [];
    for (const row of rows) {
      const line = toWriteBackLine(
        row,
        { version: row.current_version, operation: 'upsert' },
        cipher,
      );
      if (typeof line !== 'string') lines.push(line);
    }
    await appendAudit(
      tx,
      {
        ...actor,
        action: 'skyward.file.exported',
        resourceType: 'certification',
        resourceId: null,
        detail: { records: lines.length, skipped: rows.length - lines.length },
      },
      context.now(),
    );
    return {
      content: renderCsv(lines, connection?.columnMapping ?? DEFAULT_COLUMN_MAPPING),
      records: lines.length,
      skipped: rows.length - lines.length,
    };
  });
}
