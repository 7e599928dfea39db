import type { Database, DatabaseKind, SqlExecutor, Transaction } from './database.js';
import { applicationRoleStatement, bindTenant } from './sql-transaction.js';

/** What a driver supplies; the three kinds of transaction are built the same way on top. */
export interface DriverParts {
  kind: DatabaseKind;
  /**
   * Runs `opening` (a statement without parameters, or null) then `work` in one transaction,
   * committing or rolling back.
   */
  inTransaction<T>(opening: string | null, work: (tx: Transaction) => Promise<T>): Promise<T>;
  executor: SqlExecutor;
  /** Runs a trivial statement outside any transaction. */
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds the Database contract over a driver: tenant, system and owner transactions. */
export function assembleDatabase(parts: DriverParts): Database {
  const { inTransaction } = parts;
  return {
    kind: parts.kind,
    withTenant(tenantId, work) {
      const opening = applicationRoleStatement(tenantId);
      return inTransaction(opening, (tx) => work(bindTenant(tx, tenantId)));
    },
    withSystem: (work) => inTransaction(applicationRoleStatement(), work),
    withOwner: (work) => inTransaction(null, work),
    ownerExecutor: () => parts.executor,
    async isReachable() {
      try {
        await parts.ping();
        return true;
      } catch {
        return false;
      }
    },
    close: () => parts.close(),
  };
}
