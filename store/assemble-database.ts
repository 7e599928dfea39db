import type { Database, DatabaseKind, Row, SqlExecutor, Transaction } from './database.js';
import { assertTenantId, bindTenant } from './sql-transaction.js';
import type { SqlText } from './prepared-sql.js';

/** Who a transaction runs as: the application role (with or without a tenant), or the owner. */
export type TransactionScope = { role: 'app'; tenantId?: string } | { role: 'owner' };

/** What a driver supplies; the three kinds of transaction are built the same way on top. */
export interface DriverParts {
  kind: DatabaseKind;
  /** Runs `work` in one transaction in the given scope, committing or rolling back. */
  inTransaction<T>(scope: TransactionScope, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs one statement on its own as the application role with no tenant set. */
  systemQuery<T extends Row>(text: SqlText, params?: readonly unknown[]): Promise<T[]>;
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
      assertTenantId(tenantId);
      return inTransaction({ role: 'app', tenantId }, (tx) => work(bindTenant(tx, tenantId)));
    },
    withSystem: (work) => inTransaction({ role: 'app' }, work),
    systemQuery: (text, params) => parts.systemQuery(text, params),
    withOwner: (work) => inTransaction({ role: 'owner' }, work),
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
