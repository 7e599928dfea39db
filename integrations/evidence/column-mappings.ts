import type { TenantTransaction } from '../../store/index.js';
import { InvalidColumnMapping } from './errors.js';
import { IDENTITY_COLUMNS, type ImportType } from './layout.js';
import { layoutFor } from './layouts/index.js';

/**
 * Saves a district's column mapping for an import type: template column → the column name its
 * vendor file uses. Later imports of that type rename columns through it.
 *
 * @param tx - the district's transaction.
 * @param type - the import type.
 * @param mapping - template column → file column.
 * @param now - the clock.
 * @throws InvalidColumnMapping (ERR_EVIDENCE_BAD_MAPPING) for an unknown template column.
 */
export async function saveColumnMapping(
  tx: TenantTransaction,
  type: ImportType,
  mapping: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const layout = layoutFor(type);
  const known = new Set<string>([
    ...IDENTITY_COLUMNS,
    ...layout.requiredColumns,
    ...layout.optionalColumns,
  ]);
  for (const [template, own] of Object.entries(mapping)) {
    if (!known.has(template))
      throw new InvalidColumnMapping(`"${template}" is not a column of the ${type} template`);
    if (typeof own !== 'string' || own.trim() === '') {
      throw new InvalidColumnMapping(`"${template}" must map to a column name`);
    }
  }
  await tx.query(
    `INSERT INTO evidence_column_mappings (tenant_id, import_type, mapping, updated_at)
     VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (tenant_id, import_type) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = EXCLUDED.updated_at`,
    [tx.tenantId, type, JSON.stringify(mapping), now],
  );
}

/**
 * The district's saved mapping for an import type, or an empty one.
 *
 * @param tx - the district's transaction.
 * @param type - the import type.
 * @returns template column → file column.
 */
export async function loadColumnMapping(
  tx: TenantTransaction,
  type: ImportType,
): Promise<Record<string, string>> {
  const row = await tx.one<{ mapping: Record<string, string> }>(
    'SELECT mapping FROM evidence_column_mappings WHERE import_type = $1',
    [type],
  );
  return row?.mapping ?? {};
}
