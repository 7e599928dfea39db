import type { Queryable, Row, TenantTransaction, Transaction } from './database.js';
import type { SqlText } from './prepared-sql.js';

/** The application role every request runs as; it owns no table, so row-level security binds it. */
export const APP_ROLE = 'ccmr_app';

/** Wraps a driver's query function into the Transaction interface. */
export function makeTransaction(run: Queryable['query']): Transaction {
  return {
    query: run,
    async one<T extends Row = Row>(text: SqlText, params?: readonly unknown[]) {
      const rows = await run<T>(text, params);
      return rows[0] as T | undefined;
    },
  };
}

/**
 * Switches a fresh transaction to the application role, and to the tenant when one is given, in
 * one round trip: `set_config('role', …)` is the function form of `SET LOCAL ROLE`.
 */
export async function enterApplicationRole(tx: Transaction, tenantId?: string): Promise<void> {
  // is_local = true: both settings end with the transaction, so a pooled connection never
  // carries one district's context into the next request.
  await tx.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`, [
    APP_ROLE,
    tenantId ?? '',
  ]);
}

/**
 * The statement that opens a transaction on a connection already running as the application
 * role (PostgreSQL's request pool), with the tenant set for it, in one round trip. The tenant id
 * is a literal here (a simple query carries no parameters): it was checked to be a UUID first.
 */
export function beginForTenant(tenantId: string | undefined): string {
  if (tenantId === undefined) return 'BEGIN';
  assertTenantId(tenantId);
  return `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`;
}

export function bindTenant(tx: Transaction, tenantId: string): TenantTransaction {
  return { ...tx, tenantId };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tenant ids come from our own routing tables; anything else is a programming error. */
export function assertTenantId(tenantId: string): void {
  if (!UUID_PATTERN.test(tenantId)) throw new TypeError('tenantId must be a UUID');
}
