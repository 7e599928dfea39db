import { appendAudit, type TenantTransaction } from '../../store/index.js';
import { loadIbcList, type IbcList } from '../ibc-list/index.js';
import { applyImport } from './apply-import.js';
import { loadColumnMapping } from './column-mappings.js';
import { EvidenceRowsRejected, type RowIssue } from './errors.js';
import type { EvidenceActor, EvidenceContext } from './evidence-context.js';
import type { ImportType } from './layout.js';
import { layoutFor } from './layouts/index.js';
import { StudentMatcher, type UnmatchedReason } from './match-students.js';
import { previewImport, type ImportPreview } from './preview-import.js';

/** One evidence file to import. */
export interface ImportRequest {
  type: ImportType | string;
  /** File name for messages (never stored). */
  fileName: string;
  content: string | Buffer;
  /** Validate and match only; write nothing. */
  isDryRun?: boolean;
  /** Refuse the file when any row matches no student with certainty. */
  requireMatch?: boolean;
  actor: EvidenceActor;
}

/** The outcome of an import or a dry run (the CLI's summary line). */
export interface ImportSummary {
  importType: ImportType;
  importId: string | null;
  isDryRun: boolean;
  rows: number;
  /** Matched rows (dry run) or rows that changed something (applied). */
  applied: number;
  unmatched: number;
  errors: number;
  students: number;
  unmatchedRows: Array<{ row: number; reason: UnmatchedReason }>;
}

/** The preview of a file in a transaction, with its summary counts. */
async function prepare(
  context: EvidenceContext,
  tx: TenantTransaction,
  request: ImportRequest,
): Promise<{ preview: ImportPreview; summary: ImportSummary; ibcList: IbcList }> {
  const layout = layoutFor(request.type);
  const cipher = await context.keys.cipherFor(tx);
  const ibcList = await loadIbcList(tx);
  const preview = previewImport(request.fileName, request.content, {
    layout,
    matcher: await StudentMatcher.load(tx, cipher),
    ibcList,
    mapping: await loadColumnMapping(tx, layout.type),
    requireMatch: request.requireMatch,
  });
  const summary: ImportSummary = {
    importType: layout.type,
    importId: null,
    isDryRun: request.isDryRun ?? false,
    rows: preview.rowCount,
    applied: preview.matched.length,
    unmatched: preview.unmatched.length,
    errors: preview.errors.length,
    students: new Set(preview.matched.map((row) => row.match.personId)).size,
    unmatchedRows: preview.unmatched.map((row) => ({
      row: row.row,
      reason: (row.match as { reason: UnmatchedReason }).reason,
    })),
  };
  return { preview, summary, ibcList };
}

/**
 * Previews an evidence file without writing anything: the counts an import would give, and every
 * row problem (for a view's preview screen; row problems are returned, not thrown).
 *
 * @param context - database, keys, queue, clock.
 * @param tenantId - the district.
 * @param request - the file and options (`isDryRun` is implied).
 * @returns the summary and the row problems.
 * @throws UnknownImportType (ERR_EVIDENCE_UNKNOWN_TYPE).
 * @throws EvidenceFileUnreadable (ERR_EVIDENCE_UNREADABLE_FILE).
 */
export async function previewEvidenceFile(
  context: EvidenceContext,
  tenantId: string,
  request: Omit<ImportRequest, 'isDryRun'>,
): Promise<{ summary: ImportSummary; issues: RowIssue[] }> {
  layoutFor(request.type);
  return context.db.withTenant(tenantId, async (tx) => {
    const { preview, summary } = await prepare(context, tx, { ...request, isDryRun: true });
    await auditOutcome(context, tx, request, 'evidence.previewed', 'ok', summary);
    return { summary, issues: preview.errors };
  });
}

/**
 * Imports one evidence file for a district in one transaction: read, validate every row, match
 * students, and, if no row has a problem, apply everything (or, for a dry run, nothing).
 * Re-importing the same file changes nothing. Affected students' results are recomputed by the
 * queued `results.recompute` job.
 *
 * @param context - database, keys, queue, clock.
 * @param tenantId - the district.
 * @param request - the file and options.
 * @returns the summary.
 * @throws UnknownImportType (ERR_EVIDENCE_UNKNOWN_TYPE).
 * @throws EvidenceFileUnreadable (ERR_EVIDENCE_UNREADABLE_FILE).
 * @throws EvidenceRowsRejected (the first row problem's ERR_EVIDENCE_… code; `issues` lists all)
 *   when any row is bad: nothing is applied.
 */
export async function importEvidenceFile(
  context: EvidenceContext,
  tenantId: string,
  request: ImportRequest,
): Promise<ImportSummary> {
  layoutFor(request.type);
  try {
    return await context.db.withTenant(tenantId, async (tx) => {
      const { preview, summary, ibcList } = await prepare(context, tx, request);
      if (preview.errors.length > 0) throw rejection(preview.errors, summary);
      if (request.isDryRun) {
        await auditOutcome(context, tx, request, 'evidence.previewed', 'ok', summary);
        return summary;
      }
      const applied = await applyImport(context, tx, preview, { ibcList, actor: request.actor });
      return {
        ...summary,
        importId: applied.importId,
        applied: applied.applied,
        students: applied.affectedPersonIds.length,
      };
    });
  } catch (error) {
    // The refused file's transaction rolled back; its audit event gets a transaction of its own.
    if (error instanceof EvidenceRowsRejected && error.summary) {
      const summary = error.summary as unknown as ImportSummary;
      await context.db.withTenant(tenantId, (tx) =>
        auditOutcome(context, tx, request, 'evidence.import.rejected', 'rejected', summary),
      );
    }
    throw error;
  }
}

/** One audit event for a preview or a refused import: counts only, no cell values. */
async function auditOutcome(
  context: EvidenceContext,
  tx: TenantTransaction,
  request: ImportRequest,
  action: string,
  outcome: 'ok' | 'rejected',
  summary: ImportSummary,
): Promise<void> {
  await appendAudit(
    tx,
    {
      ...request.actor,
      action,
      resourceType: 'evidence_import',
      outcome,
      detail: {
        importType: summary.importType,
        rows: summary.rows,
        matched: summary.applied,
        unmatched: summary.unmatched,
        errors: summary.errors,
      },
    },
    context.now(),
  );
}

function rejection(issues: RowIssue[], summary: ImportSummary): EvidenceRowsRejected {
  const error = new EvidenceRowsRejected(issues);
  error.summary = { ...summary, applied: 0 };
  return error;
}
