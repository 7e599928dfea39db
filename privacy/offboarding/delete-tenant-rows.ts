import type { Transaction } from '../../store/index.js';

/** Tables holding a district's rows: `tenant_id` (isolated) or `owner_tenant_id` (routing). */
async function listTenantTables(
  tx: Transaction,
): Promise<Array<{ table: string; column: string }>> {
  const rows = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.column_name IN ('tenant_id', 'owner_tenant_id') AND c.table_name <> 'disposal_certificates'
     ORDER BY c.table_name`,
  );
  return rows.map((row) => ({ table: row.table_name, column: row.column_name }));
}

/** PostgreSQL's foreign_key_violation: a row another table still points at. */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Deletes every row of a district from every table that carries its id, as the owner, inside the
 * caller's transaction. Tables are found from the schema; one that another table still points
 * at is retried after the others (each attempt in a savepoint), so no order is hand-kept. The
 * audit trail is disposed of too, by the one setting its append-only trigger honours.
 * @param tx an owner transaction.
 * @param tenantId the district.
 * @returns rows deleted per table, and tables that could not be emptied.
 */
export async function deleteTenantRows(
  tx: Transaction,
  tenantId: string,
): Promise<{ removed: Record<string, number>; retained: string[] }> {
  await tx.query(`SELECT set_config('ccmr.audit_disposal', 'on', true)`);
  let pending = await listTenantTables(tx);
  const removed: Record<string, number> = {};
  for (let pass = 0; pending.length > 0 && pass < 10; pass += 1) {
    const blocked: typeof pending = [];
    for (const entry of pending) {
      await tx.query('SAVEPOINT offboard_table');
      try {
        const rows = await tx.query(
          `DELETE FROM ${entry.table} WHERE ${entry.column} = $1 RETURNING 1 AS gone`,
          [tenantId],
        );
        await tx.query('RELEASE SAVEPOINT offboard_table');
        if (rows.length > 0) removed[entry.table] = (removed[entry.table] ?? 0) + rows.length;
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT offboard_table');
        if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
        blocked.push(entry);
      }
    }
    if (blocked.length === pending.length) break;
    pending = blocked;
  }
  await tx.query(`SELECT set_config('ccmr.audit_disposal', 'off', true)`);
  return { removed, retained: pending.map((entry) => entry.table) };
}
