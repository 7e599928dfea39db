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
  previewEvidenceFile,
  type ImportRequest,
  type ImportSummary,
} from './import-evidence-file.js';
export { saveColumnMapping, loadColumnMapping } from './column-mappings.js';
export { toIsoDate } from './row-reader.js';
export {
  listUnmatchedRows,
  readUnmatchedIdentity,
  resolveUnmatchedRow,
  dismissUnmatchedRow,
  type UnmatchedRow,
} from './unmatched-rows.js';
export type { StudentIdentity, UnmatchedReason } from './match-students.js';
export {
  reconcileTracker,
  type TrackerDisagreement,
  type TrackerReconciliation,
} from './reconcile-tracker.js';
export {
  enterCertification,
  certificationFormSchema,
  CertificationFormInvalid,
  type CertificationForm,
} from './enter-certification.js';
export type { ReceiptFile, ReceiptStore } from './receipts/receipt-store.js';
export {
  LocalReceiptStore,
  ReceiptRejected,
  MAX_RECEIPT_BYTES,
} from './receipts/local-receipt-store.js';
export { schoolYearOf } from './write-certification-rows.js';
