import type { TenantCipher } from '../../store/index.js';

/** What every batch write of one run needs to know. */
export interface WriteContext {
  runId: string;
  now: Date;
  cipher: TenantCipher;
  /** The district's secret for content hashes: `contentKeyFor(cipher)`. */
  contentKey: string;
  /** Mark every record seen by this run, so absent ones can be found at the end of a snapshot. */
  marksSeen: boolean;
  /** The ending year of the current school year, for graduation years. */
  schoolYearEnd: number;
  /**
   * Called with the position in the batch of a record whose sourcedId this run already wrote
   * (CSV files must not repeat one). Unset: the later record wins, as paging may repeat one.
   */
  onDuplicate?: (position: number) => never;
}

/** A stable per-district secret derived from its key (a keyed id), for content hashes. */
export function contentKeyFor(cipher: TenantCipher): string {
  return cipher.rowId('roster-content-key', 'v1');
}

/** A column of a JSON recordset: its name and SQL type. */
export type ColumnType = readonly [name: string, type: string];

function jsonValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * One row as a JSON object text for `json_to_recordset`; built ahead of the write where it can
 * be, so the next page's CPU work overlaps the current page's statements.
 */
export function rowJson(columns: readonly ColumnType[], row: readonly unknown[]): string {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i += 1) object[columns[i]![0]] = jsonValue(row[i]);
  return JSON.stringify(object);
}

/**
 * The `json_to_recordset(…) AS r(…)` that reads rows of `rowJson` back typed. json, not jsonb:
 * the rows are read once, and converting them to jsonb first made each page's statement about
 * a fifth slower.
 */
export function recordsetFrom(columns: readonly ColumnType[], param: number): string {
  const shape = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  return `json_to_recordset($${param}::json) AS r(${shape})`;
}

/**
 * Rows as one JSON parameter and the `json_to_recordset(…) AS r(…)` that reads them back typed.
 * One parameter instead of one per value: far cheaper to bind, on PGlite above all, and never
 * near the 65,535-parameter limit. Buffers travel as bytea hex ('\\x…').
 */
export function jsonRecordset(
  columns: readonly ColumnType[],
  rows: readonly unknown[][],
  param: number,
): { from: string; json: string } {
  return {
    from: recordsetFrom(columns, param),
    json: `[${rows.map((row) => rowJson(columns, row)).join(',')}]`,
  };
}
