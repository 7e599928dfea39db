import type { AppContext } from '../../../app/app-context.js';

/** How many rejection audit events carry `code`, in the system log and in the district's chain. */
export async function countRejections(
  context: AppContext,
  tenantId: string,
  code: string,
): Promise<number> {
  const system = await context.db.withSystem((tx) =>
    tx.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM system_audit_events WHERE outcome = 'rejected' AND detail->>'code' = $1`,
      [code],
    ),
  );
  const tenant = await context.db.withTenant(tenantId, (tx) =>
    tx.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE outcome = 'rejected' AND detail->>'code' = $1`,
      [code],
    ),
  );
  return system!.n + tenant!.n;
}
