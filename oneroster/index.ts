/**
 * OneRoster rostering: a district connects once to its provider (1.1 or 1.2 REST, or CSV zips),
 * and its orgs, sessions, courses, classes, people, enrollments and demographics stay current.
 */
export {
  syncRoster,
  type SyncEnvironment,
  type SyncOptions,
  type SyncProgress,
  type SyncSummary,
} from './sync-roster.js';
export { getSyncStatus, type SyncStatus, type SyncRunStatus } from './sync-status.js';
export {
  validateConnection,
  saveConnection,
  loadConnection,
  clientOptionsFor,
  DEFAULT_SCOPES,
  type Connection,
  type ConnectionInput,
} from './connection.js';
export {
  OneRosterClient,
  type OneRosterClientOptions,
  type OneRosterVersion,
  type CollectionQuery,
  type Page,
} from './client/oneroster-client.js';
export {
  ROSTER_ENTITIES,
  emptyCounts,
  type RosterEntity,
  type SyncCounts,
  type EntityCounts,
} from './sync-counts.js';
export { schoolYearEnding, graduationYearOf, parseGradeLevel } from './school-year.js';
export * from './errors.js';
export { importRosterZip, type ImportOptions } from './csv/import-roster-zip.js';
export {
  defineRosterSyncJobs,
  isFullSyncDue,
  queueRosterSyncs,
  syncDistrictOnSchedule,
  ROSTER_SYNC_JOB,
  SCHEDULED_ROSTER_SYNC_JOB,
} from './define-roster-sync-jobs.js';
