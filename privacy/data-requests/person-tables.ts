import type { Transaction } from '../../store/index.js';

/**
 * Where a district's tables refer to a person, found from the schema itself so a table added
 * tomorrow is covered without editing a list. The naming convention it relies on (documented in
 * docs/privacy.md):
 * - `person_id` or `…_person_id` (uuid): holds people.id; the row is about that person;
 * - `…_person_ids` (uuid[]): a list of people.id; the person is removed from the list;
 * - `user_sourced_id` or `…_user_sourced_id` (text): holds people.sourced_id;
 * - jsonb, json and text columns are searched for the person's internal id (replaced), and
 *   jsonb and json columns for their other identifiers as whole values (the row is raw source
 *   data about the person, e.g. an unmatched import row, and is deleted);
 * - bytea `…_enc` columns are field ciphertexts bound to the row's `id`, `person_id` or
 *   `tenant_id`; they are decrypted and searched for the person's identifiers.
 */
export interface PersonTable {
  table: string;
  /** Columns whose value is the person: the row belongs to them. */
  keyColumns: Array<{ column: string; refersTo: 'id' | 'sourced_id' }>;
  /** uuid[] columns listing people. */
  listColumns: string[];
  /** jsonb, json and text columns that may mention the person. */
  mentionColumns: Array<{ column: string; type: 'jsonb' | 'json' | 'text' }>;
  /** Field ciphertexts, with whether the column accepts NULL. */
  encryptedColumns: Array<{ column: string; isNullable: boolean }>;
  /** Columns the ciphertexts may be bound to, in the order to try. */
  bindingColumns: string[];
}

/**
 * Tables that keep their rows when a student is deleted, and why. Every other table with a
 * `tenant_id` is searched; a test fails for any tenant table that has no person reference and
 * is not named here, so a new table cannot be forgotten.
 */
export const TABLES_WITHOUT_PERSON_DATA: Readonly<Record<string, string>> = Object.freeze({
  tenant_keys: 'wrapped data keys; destroyed at offboarding',
  audit_events: 'append-only trail; internal ids only, kept as the record of what happened',
  audit_heads: 'chain head: a sequence number and a hash',
  audit_checkpoints: 'signed chain heads',
  privacy_contracts: 'contract parameters of the district',
  data_requests: 'requests; the subject is a keyed hash',
  deletion_records: 'non-identifying deletion records (keyed hash, scope, counts)',
  disposal_certificates: 'certificates of disposal (counts, key ids, hashes)',
  orgs: 'campuses and the district, no people',
  academic_sessions: 'terms and school years',
  courses: 'course catalogue',
  classes: 'class sections; enrolments are in enrollments',
  lti_launches: 'launch records; the viewer jsonb is searched for the person id',
  lti_role_mappings: 'LTI role to product role, per district',
  oneroster_connections: 'roster provider credentials',
  oneroster_sync_state: 'roster sync watermark and lock',
  oneroster_sync_runs: 'roster sync counts',
  evidence_column_mappings: 'column mappings of import files',
  skyward_connections: 'SFTP credentials',
  skyward_batches: 'delivered files; the encrypted content is searched for the person',
  skyward_acknowledgements: 'acknowledgement counts',
  skyward_dispatch: 'delivery scheduling flag',
  views_results_versions: 'a change counter per district for the dashboard cache',
});

/** Tables the deletion never touches, whatever their columns: the audit trail is append-only. */
const NEVER_ERASED = new Set([
  'audit_events',
  'audit_heads',
  'audit_checkpoints',
  'deletion_records',
  'data_requests',
  'disposal_certificates',
  'tenant_keys',
]);

interface ColumnRow extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
}

function isKeyColumn(column: ColumnRow): 'id' | 'sourced_id' | null {
  const name = column.column_name;
  if (column.udt_name === 'uuid' && (name === 'person_id' || name.endsWith('_person_id')))
    return 'id';
  if (
    column.data_type === 'text' &&
    (name === 'user_sourced_id' || name.endsWith('_user_sourced_id'))
  ) {
    return 'sourced_id';
  }
  return null;
}

function describeTable(table: string, columns: ColumnRow[]): PersonTable {
  const keyColumns = columns.flatMap((c) => {
    const refersTo = table === 'people' && c.column_name === 'id' ? 'id' : isKeyColumn(c);
    return refersTo ? [{ column: c.column_name, refersTo }] : [];
  });
  return {
    table,
    keyColumns,
    listColumns: columns
      .filter((c) => c.udt_name === '_uuid' && c.column_name.endsWith('_person_ids'))
      .map((c) => c.column_name),
    mentionColumns: columns
      .filter((c) => ['jsonb', 'json', 'text'].includes(c.udt_name) && !isKeyColumn(c))
      .map((c) => ({ column: c.column_name, type: c.udt_name as 'jsonb' | 'json' | 'text' })),
    encryptedColumns: columns
      .filter((c) => c.udt_name === 'bytea' && c.column_name.endsWith('_enc'))
      .map((c) => ({ column: c.column_name, isNullable: c.is_nullable === 'YES' })),
    bindingColumns: ['id', 'person_id', 'tenant_id'].filter((name) =>
      columns.some((c) => c.column_name === name),
    ),
  };
}

/**
 * Lists every district-owned table (public schema, with a `tenant_id` column) and how each refers
 * to a person.
 * @param tx any transaction (reads the catalogue only).
 * @returns one entry per table, in name order, the audit and request tables excepted.
 */
export async function discoverPersonTables(tx: Transaction): Promise<PersonTable[]> {
  const columns = await tx.query<ColumnRow>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.table_name IN (SELECT table_name FROM information_schema.columns
                            WHERE table_schema = 'public' AND column_name = 'tenant_id')
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, ColumnRow[]>();
  for (const column of columns)
    byTable.set(column.table_name, [...(byTable.get(column.table_name) ?? []), column]);
  return [...byTable.entries()]
    .filter(([table]) => !NEVER_ERASED.has(table))
    .map(([table, tableColumns]) => describeTable(table, tableColumns));
}

/** Answers whether a table refers to people through a key or list column. */
export function isPersonKeyed(table: PersonTable): boolean {
  return table.keyColumns.length > 0 || table.listColumns.length > 0;
}
