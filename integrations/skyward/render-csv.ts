import { stringify } from 'csv-stringify/sync';
import type { ColumnMapping } from './column-mapping.js';
import type { WriteBackLine } from './write-back-line.js';

/**
 * Writes lines as CSV in a column layout: a header row, then one row per line; RFC 4180 quoting,
 * CRLF line ends, UTF-8 without a byte-order mark. Same lines and layout, same bytes.
 * @param lines the lines, in file order.
 * @param mapping the district's columns.
 * @returns the file's bytes.
 */
export function renderCsv(lines: readonly WriteBackLine[], mapping: ColumnMapping): Buffer {
  const header = mapping.map((column) => column.header);
  const rows = lines.map((line) =>
    mapping.map((column) => ('field' in column ? line[column.field] : column.constant)),
  );
  return Buffer.from(stringify([header, ...rows], { record_delimiter: '\r\n' }), 'utf8');
}
