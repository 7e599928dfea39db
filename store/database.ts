/**
 * The database contract every part of the product uses. Two implementations exist: PostgreSQL
 * through `pg` (production, `DATABASE_URL`) and PGlite (embedded, a folder on disk or memory).
 * Both run the same SQL and return the same JavaScript values (see `type-parsers.ts`).
 */

import type { SqlText } from './prepared-sql.js';

/** A row as returned by a query: column name to normalised value. */
export type Row = Record<string, unknown>;

/** Something that runs parameterised SQL. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T extends Row = Row>(text: SqlText, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction running as the application role. */
export interface Transaction extends Queryable {
  /** Runs one statement and returns its first row, or undefined. */
  one<T extends Row = Row>(text: SqlText, params?: readonly unknown[]): Promise<T | undefined>;
}

/** A transaction bound to one district: row-level security shows only that tenant's rows. */
export interface TenantTransaction extends Transaction {
  readonly tenantId: string;
}

/** The executor shape pg-boss expects for its own statements. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly kind: DatabaseKind;

  /**
   * Runs `work` in one transaction as the application role with the tenant set, so row-level
   * security shows and accepts only that tenant's rows. Commits when `work` resolves, rolls back
   * when it throws.
   */
  withTenant<T>(tenantId: string, work: (tx: TenantTransaction) => Promise<T>): Promise<T>;

  /**
   * Runs `work` in one transaction as the application role with no tenant set: tenant-owned
   * tables show no rows; only system tables (tenants, LTI routing, job queue) are usable.
   */
  withSystem<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;

  /**
   * Runs one statement on its own, as the application role with no tenant set: what
   * `withSystem` does for a single statement, which is atomic by itself, in one round trip to
   * PostgreSQL instead of three. For the hot paths of the LTI launch and the session lookup.
   */
  systemQuery<T extends Row = Row>(text: SqlText, params?: readonly unknown[]): Promise<T[]>;

  /**
   * Runs `work` as the schema owner, outside row-level security. Only migrations, key rotation,
   * offboarding and integrity checks use it; request handlers never do.
   */
  withOwner<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;

  /** An executor for pg-boss that runs outside any transaction, as the owner. */
  ownerExecutor(): SqlExecutor;

  /** Answers whether the database accepts a trivial query, for `/readyz`. */
  isReachable(): Promise<boolean>;

  close(): Promise<void>;
}
