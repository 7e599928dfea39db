import type { Row, TenantCipher, TenantTransaction } from '../../store/index.js';
import { discoverPersonTables, type PersonTable } from './person-tables.js';
import { openStoredField } from './decrypt-field.js';
import type { RequestSubject } from './load-subject.js';

/** Rows removed or cleaned, per table; and ciphertexts the convention could not open. */
export interface ErasureCounts {
  removed: Record<string, number>;
  undecryptable: string[];
}

function add(counts: ErasureCounts, table: string, count: number): void {
  if (count > 0) counts.removed[table] = (counts.removed[table] ?? 0) + count;
}

/** Deletes the rows that belong to the subject (key columns). */
async function deleteKeyedRows(
  tx: TenantTransaction,
  table: PersonTable,
  subject: RequestSubject,
  counts: ErasureCounts,
) {
  for (const key of table.keyColumns) {
    const value = key.refersTo === 'id' ? subject.personId : subject.sourcedId;
    const cast = key.refersTo === 'id' ? '::uuid' : '';
    const rows = await tx.query(
      `DELETE FROM ${table.table} WHERE ${key.column} = $1${cast} RETURNING 1 AS gone`,
      [value],
    );
    add(counts, table.table, rows.length);
  }
}

/** Removes the subject from lists of people and replaces mentions of their internal id. */
async function cleanMentions(
  tx: TenantTransaction,
  table: PersonTable,
  subject: RequestSubject,
  counts: ErasureCounts,
) {
  for (const column of table.listColumns) {
    const rows = await tx.query(
      `UPDATE ${table.table} SET ${column} = array_remove(${column}, $1::uuid) WHERE $1::uuid = ANY(${column}) RETURNING 1 AS cleaned`,
      [subject.personId],
    );
    add(counts, table.table, rows.length);
  }
  for (const { column, type } of table.mentionColumns) {
    const rows = await tx.query(
      `UPDATE ${table.table} SET ${column} = replace(${column}::text, $1, 'deleted')::${type}
       WHERE strpos(${column}::text, $1) > 0 RETURNING 1 AS cleaned`,
      [subject.personId],
    );
    add(counts, table.table, rows.length);
    if (type === 'text') continue;
    for (const identifier of subject.identifiers.filter((value) => value !== subject.personId)) {
      const deleted = await tx.query(
        `DELETE FROM ${table.table} WHERE strpos(${column}::text, $1) > 0 RETURNING 1 AS gone`,
        [JSON.stringify(identifier)],
      );
      add(counts, table.table, deleted.length);
    }
  }
}

function mentionsSubject(value: string | null, subject: RequestSubject): boolean {
  return value !== null && subject.identifiers.some((identifier) => value.includes(identifier));
}

/** Clears field ciphertexts of other rows (e.g. a delivered file) that carry the subject. */
async function cleanCiphertexts(
  tx: TenantTransaction,
  cipher: TenantCipher,
  table: PersonTable,
  subject: RequestSubject,
  counts: ErasureCounts,
) {
  // Other people's rows hold their own fields; searching them would decrypt the whole roster.
  if (table.encryptedColumns.length === 0 || table.table === 'people') return;
  const rows = await tx.query<Row>(`SELECT ctid::text AS row_ref, * FROM ${table.table}`);
  for (const row of rows) {
    for (const { column, isNullable } of table.encryptedColumns) {
      const opened = openStoredField(cipher, table.table, column, row, table.bindingColumns);
      if (!opened.isOpened) counts.undecryptable.push(`${table.table}.${column}`);
      if (!opened.isOpened || !mentionsSubject(opened.value, subject)) continue;
      const statement = isNullable
        ? `UPDATE ${table.table} SET ${column} = NULL WHERE ctid = $1::tid`
        : `DELETE FROM ${table.table} WHERE ctid = $1::tid`;
      await tx.query(statement, [row.row_ref]);
      add(counts, table.table, 1);
    }
  }
}

/**
 * Erases a student from every district table found by `discoverPersonTables`, inside the
 * caller's transaction: rows keyed to them are deleted, lists and mentions are cleaned, and field
 * ciphertexts of other rows that carry their identifiers are cleared. Idempotent.
 * @param tx a transaction of the district.
 * @param cipher the district's cipher.
 * @param subject the student.
 * @returns what was removed, per table.
 */
export async function eraseSubjectRows(
  tx: TenantTransaction,
  cipher: TenantCipher,
  subject: RequestSubject,
): Promise<ErasureCounts> {
  const counts: ErasureCounts = { removed: {}, undecryptable: [] };
  const tables = await discoverPersonTables(tx);
  // Enrolments reference the person by sourcedId: delete them before the person row goes.
  const ordered = [
    ...tables.filter((t) => t.table !== 'people'),
    ...tables.filter((t) => t.table === 'people'),
  ];
  for (const table of ordered) await deleteKeyedRows(tx, table, subject, counts);
  for (const table of ordered) await cleanMentions(tx, table, subject, counts);
  for (const table of ordered) await cleanCiphertexts(tx, cipher, table, subject, counts);
  counts.undecryptable = [...new Set(counts.undecryptable)];
  return counts;
}
