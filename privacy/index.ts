/**
 * Privacy: who may see what (the access policy), the audit trail's verification and export,
 * data requests (export, correct, delete), offboarding, de-identification and small-number
 * masking, incident scoping, rate limits and session timeouts. Other folders import only this.
 */
export type { Viewer, ViewerRole, ViewerScope } from './viewer.js';
export {
  ACCESS_ACTIONS,
  type AccessAction,
  type AccessDecision,
  type AccessReason,
  type AccessResource,
} from './access-resource.js';
export { authorize } from './access-policy.js';
export { PURPOSE_OF_ACTION } from './action-purposes.js';
export { assertAuthorized } from './assert-authorized.js';
export { studentScopePredicate, type ScopePredicate } from './student-scope-sql.js';
export { visibleStudentIds, type StudentFilter } from './visible-student-ids.js';
export { loadStudentResource } from './load-student-resource.js';
export {
  requireAccess,
  type AccessGuardContext,
  type ResourceResolver,
  type ResourceSource,
} from './require-access.js';
export { auditRead } from './audit-read.js';
export {
  PrivacyForbidden,
  PrivacyNoViewer,
  PrivacyRateLimited,
  PrivacyInputError,
  type PrivacyErrorCode,
} from './errors.js';
export {
  DEFAULT_CONTRACT_PARAMETERS,
  loadContractParameters,
  saveContractParameters,
  type ContractParameters,
} from './contract-parameters.js';
export {
  verifyAuditChain,
  type AuditVerification,
  type AuditProblem,
} from './audit/verify-audit-chain.js';
export { recordAuditCheckpoint, type AuditCheckpoint } from './audit/audit-checkpoint.js';
export { exportAuditLog, type AuditExport, type ExportActor } from './audit/export-audit-log.js';
export type { StoredAuditEvent } from './audit/audit-rows.js';
export {
  maskAggregates,
  TEA_MASKING_RULES,
  type AggregateGroup,
  type MaskedGroup,
  type MaskingRules,
  type MaskReason,
} from './deidentify/mask-aggregates.js';
export { checkKAnonymity, type KAnonymityReport } from './deidentify/k-anonymity.js';
export {
  exportDeidentifiedAggregates,
  type DeidentifiedAggregates,
} from './deidentify/export-deidentified-aggregates.js';
export type { PrivacyContext } from './privacy-context.js';
export {
  discoverPersonTables,
  isPersonKeyed,
  TABLES_WITHOUT_PERSON_DATA,
  type PersonTable,
} from './data-requests/person-tables.js';
export { openStoredField, type OpenedField } from './data-requests/decrypt-field.js';
export { exportStudentData, type StudentDataPackage } from './data-requests/export-student-data.js';
export { renderStudentDataHtml } from './data-requests/render-subject-record.js';
export {
  correctStudentField,
  CORRECTABLE_FIELDS,
  type CorrectableField,
} from './data-requests/correct-student-field.js';
export { deleteStudent, type DeletionOutcome } from './data-requests/delete-student.js';
export {
  listDataRequests,
  type DataRequest,
  type DataRequestKind,
} from './data-requests/data-request-records.js';
export type { RequestActor } from './data-requests/request-actor.js';
export { tenantFilesFolder } from './data-requests/tenant-files.js';
export { registerStudentDataCache, type StudentDataCache } from './data-requests/student-caches.js';
export { offboardTenant } from './offboarding/offboard-tenant.js';
export {
  hashDisposalCertificate,
  type DisposalCertificate,
} from './offboarding/disposal-certificate.js';
export {
  scopeIncident,
  type IncidentScope,
  type AffectedTenant,
} from './incident/scope-incident.js';
export { draftBreachNotice, type BreachNotice } from './incident/draft-breach-notice.js';
export { reportIncident, type IncidentReport } from './incident/report-incident.js';
export {
  createRateLimiter,
  mountRateLimits,
  RATE_LIMITS,
  type RateLimitOptions,
} from './rate-limit.js';
export { applyRetention, type RetentionOutcome } from './data-requests/apply-retention.js';
export {
  applyRetentionEverywhere,
  defineRetentionJob,
  RETENTION_JOB,
} from './data-requests/define-retention-job.js';
