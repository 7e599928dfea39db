import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { appendAudit, type Database } from '../../store/index.js';
import type { SftpSession } from './sftp-session.js';

/** What reading the acknowledgement folder found. */
export interface AcknowledgementSummary {
  files: number;
  accepted: number;
  rejected: number;
  /** Lines naming a record id and version this district never sent (or already settled). */
  unmatched: number;
  /** Files that could not be read as the documented layout; they are retried next time. */
  invalidFiles: number;
}

/** One acknowledgement line (docs/skyward.md, "Acknowledgement file"). */
const ackLineSchema = z.object({
  record_id: z.uuid(),
  version: z.coerce.number().int().min(1),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['accepted', 'rejected'])),
  message: z.string().max(2_000).default(''),
});

type AckLine = z.output<typeof ackLineSchema>;

/** Parses a whole file, or returns undefined when any line breaks the layout. */
function parseAckFile(content: Buffer): AckLine[] | undefined {
  try {
    const records = parse(content, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
    const lines = z.array(ackLineSchema).safeParse(records);
    return lines.success ? lines.data : undefined;
  } catch {
    return undefined;
  }
}

async function applyFile(
  context: { readonly db: Database; now(): Date },
  tenantId: string,
  fileName: string,
  lines: AckLine[],
): Promise<{ accepted: number; rejected: number; unmatched: number }> {
  const now = context.now();
  const accepted = lines.filter((line) => line.status === 'accepted');
  const rejected = lines.filter((line) => line.status === 'rejected');
  return context.db.withTenant(tenantId, async (tx) => {
    const acceptedRows = await tx.query(
      `UPDATE skyward_outbox o SET status = 'acknowledged', acknowledged_at = $1,
         failure_code = NULL, failure_reason = NULL
       FROM unnest($2::uuid[], $3::int[]) AS a (certification_id, version)
       WHERE o.certification_id = a.certification_id AND o.version = a.version
         AND (o.status = 'delivered' OR (o.status = 'pending' AND o.batch_id IS NOT NULL))
       RETURNING o.version`,
      [now, accepted.map((line) => line.record_id), accepted.map((line) => line.version)],
    );
    const rejectedRows = await tx.query(
      `UPDATE skyward_outbox o SET status = 'failed', acknowledged_at = $1,
         failure_code = 'ERR_SKYWARD_REJECTED', failure_reason = a.message
       FROM unnest($2::uuid[], $3::int[], $4::text[]) AS a (certification_id, version, message)
       WHERE o.certification_id = a.certification_id AND o.version = a.version
         AND (o.status = 'delivered' OR (o.status = 'pending' AND o.batch_id IS NOT NULL))
       RETURNING o.version`,
      [
        now,
        rejected.map((line) => line.record_id),
        rejected.map((line) => line.version),
        rejected.map((line) => line.message.slice(0, 500)),
      ],
    );
    const counts = {
      accepted: acceptedRows.length,
      rejected: rejectedRows.length,
      unmatched: lines.length - acceptedRows.length - rejectedRows.length,
    };
    await tx.query(
      `INSERT INTO skyward_acknowledgements (tenant_id, file_name, accepted, rejected, unmatched,
         processed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, fileName, counts.accepted, counts.rejected, counts.unmatched, now],
    );
    await appendAudit(
      tx,
      {
        actorType: 'system',
        actorId: 'skyward.deliver',
        action: 'skyward.acknowledgement.reconciled',
        resourceType: 'skyward_acknowledgement',
        resourceId: null,
        detail: counts,
      },
      now,
    );
    return counts;
  });
}

/**
 * Reads the acknowledgement files the district's Skyward dropped in the acknowledgement folder
 * and settles the changes they name: `accepted` → acknowledged, `rejected` → failed with the
 * message as reason. Only changes that were sent move (delivered, or uploaded by a delivery that
 * stopped before recording it), so a line for a record never sent or already settled counts as
 * unmatched. Each file is processed once (remembered by name).
 * Limitation: files are left in the folder after reading; the district's export rotates them.
 * @param context the database and clock.
 * @param tenantId the district.
 * @param session an open SFTP session.
 * @param ackFolder the folder to read.
 * @returns the counts.
 * @throws SkywardTransferFailed (ERR_SKYWARD_TRANSFER) when the folder cannot be listed.
 */
export async function reconcileAcknowledgements(
  context: { readonly db: Database; now(): Date },
  tenantId: string,
  session: SftpSession,
  ackFolder: string,
): Promise<AcknowledgementSummary> {
  const summary: AcknowledgementSummary = {
    files: 0,
    accepted: 0,
    rejected: 0,
    unmatched: 0,
    invalidFiles: 0,
  };
  const names = (await session.listFiles(ackFolder)).filter((name) =>
    name.toLowerCase().endsWith('.csv'),
  );
  if (names.length === 0) return summary;
  const done = await context.db.withTenant(tenantId, (tx) =>
    tx.query<{ file_name: string }>(
      'SELECT file_name FROM skyward_acknowledgements WHERE file_name = ANY($1)',
      [names],
    ),
  );
  const seen = new Set(done.map((row) => row.file_name));
  for (const name of names.filter((candidate) => !seen.has(candidate)).sort()) {
    const lines = parseAckFile(await session.readFile(`${ackFolder.replace(/\/+$/, '')}/${name}`));
    if (!lines) {
      summary.invalidFiles += 1;
      continue;
    }
    const counts = await applyFile(context, tenantId, name, lines);
    summary.files += 1;
    summary.accepted += counts.accepted;
    summary.rejected += counts.rejected;
    summary.unmatched += counts.unmatched;
  }
  return summary;
}
