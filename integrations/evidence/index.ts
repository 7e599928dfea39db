/**
 * Evidence intake: importers for score files, college-credit and certification files,
 * enlistment, student status, pending evidence and TEA CCMR Tracker files; student matching
 * with an unmatched list for staff; IBC entry by form; reconciliation with TEA's tracker.
 */
export { IMPORT_TYPES, IDENTITY_COLUMNS, type ImportType, type EvidenceKind } from './layout.js';
export { layoutFor } from './layouts/index.js';
export {
  EvidenceRowsRejected,
  EvidenceFileUnreadable,
  UnknownImportType,
  InvalidColumnMapping,
  UnmatchedRowUnavailable,
  type RowIssue,
  type RowIssueCode,
} from './errors.js';
export { RECOMPUTE_JOB, type EvidenceActor, type EvidenceContext } from './evidence-context.js';
export {
  importEvidenceFile,
  type ImportRequest,
  type ImportSummary,
} from './import-evidence-file.js';
export { saveColumnMapping, loadColumnMapping } from './column-mappings.js';
export { toIsoDate } from './row-reader.js';
