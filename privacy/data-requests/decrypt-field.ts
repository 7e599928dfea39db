import type { Row, TenantCipher } from '../../store/index.js';

/** Outcome of opening a stored field ciphertext whose binding is found by convention. */
export type OpenedField = { isOpened: true; value: string | null } | { isOpened: false };

/**
 * Opens a field ciphertext of any district table by trying the binding convention: the row's
 * `id`, `person_id` or `tenant_id` as row id, and the column with or without its `_enc` suffix.
 * @param cipher the district's cipher.
 * @param table the table the value came from.
 * @param column the bytea column.
 * @param row the whole row (for the binding columns).
 * @param bindingColumns which of `id`, `person_id`, `tenant_id` the table has.
 * @returns the plaintext, or `isOpened: false` when no binding of the convention opens it.
 */
export function openStoredField(
  cipher: TenantCipher,
  table: string,
  column: string,
  row: Row,
  bindingColumns: readonly string[],
): OpenedField {
  const stored = row[column] as Buffer | null;
  if (stored === null || stored === undefined) return { isOpened: true, value: null };
  const columnNames = [column, column.replace(/_enc$/, '')];
  for (const bindingColumn of bindingColumns) {
    for (const name of columnNames) {
      try {
        return {
          isOpened: true,
          value: cipher.decrypt(stored, { table, column: name, rowId: String(row[bindingColumn]) }),
        };
      } catch {
        // Not this binding; try the next one of the convention.
      }
    }
  }
  return { isOpened: false };
}
