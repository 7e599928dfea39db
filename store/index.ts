/**
 * The store: database access on PostgreSQL or PGlite, migrations, tenant context, field
 * encryption, the audit trail's append side, and the job queue. Nothing here imports any other
 * folder of the product.
 */
export type {
  Database,
  DatabaseKind,
  Queryable,
  Row,
  SqlExecutor,
  TenantTransaction,
  Transaction,
} from './database.js';
export { openDatabase, type OpenDatabaseOptions } from './open-database.js';
export { preparedSql, type PreparedSql, type SqlText } from './prepared-sql.js';
export { DataDirLocked } from './data-dir-lock.js';
export { migrate, listMigrations, splitStatements } from './migrate.js';
export { APP_ROLE } from './sql-transaction.js';
export { AppError, InputError, isAppError } from './errors.js';
export { createKeyRing, masterKeyId, type KeyRing, type MasterKey } from './key-ring.js';
export {
  TenantCipher,
  FieldDecryptFailed,
  normaliseForIndex,
  type FieldBinding,
} from './field-cipher.js';
export { TenantKeys, TenantKeyUnavailable } from './tenant-keys.js';
export {
  appendAudit,
  appendSystemAudit,
  chainHash,
  AUDIT_GENESIS_HASH,
  type AuditEvent,
  type ChainedFields,
} from './audit-log.js';
export { commitAuditEvent } from './audit-group-commit.js';
export {
  createTenant,
  listTenants,
  findTenantById,
  findTenantBySlug,
  resolveTenant,
  type Tenant,
} from './tenants.js';
export { JobQueue, type JobDefinition, type JobQueueOptions } from './job-queue.js';
export { DATA_PURPOSES, type DataPurpose } from './data-purpose.js';
