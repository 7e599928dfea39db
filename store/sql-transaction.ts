import type { Queryable, Row, TenantTransaction, Transaction } from './database.js';

/** The application role every request runs as; it owns no table, so row-level security binds it. */
export const APP_ROLE = 'ccmr_app';

/** Wraps a driver's query function into the Transaction interface. */
export function makeTransaction(run: Queryable['query']): Transaction {
  return {
    query: run,
    async one<T extends Row = Row>(text: string, params?: readonly unknown[]) {
      const rows = await run<T>(text, params);
      return rows[0] as T | undefined;
    },
  };
}

/**
 * The statement that switches a fresh transaction to the application role, and to the tenant
 * when one is given: `set_config('role', …)` is the function form of `SET LOCAL ROLE`. Its
 * values are literals (a constant role and a checked UUID), so it needs no parameters and a
 * driver can send it with BEGIN in one round trip.
 * @throws TypeError when `tenantId` is not a UUID.
 */
export function applicationRoleStatement(tenantId?: string): string {
  if (tenantId !== undefined) assertTenantId(tenantId);
  // is_local = true: both settings end with the transaction, so a pooled connection never
  // carries one district's context into the next request.
  return `SELECT set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', '${tenantId ?? ''}', true)`;
}

export function bindTenant(tx: Transaction, tenantId: string): TenantTransaction {
  return { ...tx, tenantId };
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tenant ids come from our own routing tables; anything else is a programming error. */
export function assertTenantId(tenantId: string): void {
  if (!UUID_PATTERN.test(tenantId)) throw new TypeError('tenantId must be a UUID');
}
