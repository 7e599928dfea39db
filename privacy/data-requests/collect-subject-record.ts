import type { Row, TenantCipher, TenantTransaction } from '../../store/index.js';
import { discoverPersonTables, type PersonTable } from './person-tables.js';
import { openStoredField } from './decrypt-field.js';
import type { RequestSubject } from './load-subject.js';

/** Everything held about a student: rows per table (decrypted) and who accessed their data. */
export interface SubjectRecord {
  tables: Record<string, Array<Record<string, unknown>>>;
  accessLog: Array<Record<string, unknown>>;
}

/** Presents a stored row: ciphertexts opened, keyed lookup hashes left out, dates as ISO text. */
function presentRow(cipher: TenantCipher, table: PersonTable, row: Row): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'tenant_id' || column.endsWith('_bidx')) continue;
    if (column.endsWith('_enc')) {
      const opened = openStoredField(cipher, table.table, column, row, table.bindingColumns);
      shown[column.replace(/_enc$/, '')] = opened.isOpened
        ? opened.value
        : '(encrypted; not readable)';
    } else if (value instanceof Date) shown[column] = value.toISOString();
    else if (Buffer.isBuffer(value)) continue;
    else shown[column] = value;
  }
  return shown;
}

/** Rows keyed to the subject, or listing them, or mentioning their internal id. */
function whereSubject(table: PersonTable): string | null {
  const clauses = [
    ...table.keyColumns.map((k) =>
      k.refersTo === 'id' ? `${k.column} = $1::uuid` : `${k.column} = $2`,
    ),
    ...table.listColumns.map((column) => `$1::uuid = ANY(${column})`),
    ...table.mentionColumns.map(({ column }) => `strpos(${column}::text, $1::text) > 0`),
  ];
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}

/**
 * Collects every row of the district that belongs to, lists or mentions the student, decrypted,
 * and the audit events that concern them (reads, changes, denials).
 * @param tx a transaction of the district.
 * @param cipher the district's cipher.
 * @param subject the student.
 * @returns the record, table by table.
 */
export async function collectSubjectRecord(
  tx: TenantTransaction,
  cipher: TenantCipher,
  subject: RequestSubject,
): Promise<SubjectRecord> {
  const tables: SubjectRecord['tables'] = {};
  for (const table of await discoverPersonTables(tx)) {
    const where = whereSubject(table);
    if (where === null) continue;
    // Pass only the parameters the predicate uses: PostgreSQL refuses an untyped unused one.
    const usesSourcedId = table.keyColumns.some((key) => key.refersTo === 'sourced_id');
    const params = usesSourcedId ? [subject.personId, subject.sourcedId] : [subject.personId];
    const rows = await tx.query<Row>(`SELECT * FROM ${table.table} WHERE ${where}`, params);
    if (rows.length > 0) tables[table.table] = rows.map((row) => presentRow(cipher, table, row));
  }
  const events = await tx.query<Row>(
    `SELECT seq, occurred_at, actor_type, actor_id, action, resource_type, launch_id, outcome
     FROM audit_events WHERE resource_id = $1::text OR strpos(detail::text, $1::text) > 0 ORDER BY seq`,
    [subject.personId],
  );
  const accessLog = events.map((event) => ({
    ...event,
    occurred_at: (event.occurred_at as Date).toISOString(),
  }));
  return { tables, accessLog };
}
