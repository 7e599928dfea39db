import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

/** One exported student line, already limited to what the viewer may see. */
export interface ExportLine {
  name: string;
  graduationYear: number | null;
  status: string;
  credited: string;
  group: string;
}

/**
 * Neutralises spreadsheet formulas (privacy checklist R29, ASVS 1.2.10): a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return is prefixed with a single quote.
 *
 * @param value - the cell text.
 * @returns safe text.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

function cellsOf(line: ExportLine): string[] {
  return [
    line.name,
    line.graduationYear === null ? '' : String(line.graduationYear),
    line.status,
    line.credited,
    line.group,
  ].map(escapeFormula);
}

/**
 * The drill-down list as RFC 4180 CSV with a header row.
 *
 * @param header - the translated column names.
 * @param lines - the students.
 * @returns the CSV text (UTF-8, with a byte-order mark so spreadsheet programs read accents).
 */
export function renderCsv(header: string[], lines: readonly ExportLine[]): string {
  return '\uFEFF' + stringify([header, ...lines.map(cellsOf)], { record_delimiter: '\r\n' });
}

/**
 * The drill-down list as an XLSX workbook with one sheet and a bold header row.
 *
 * @param sheetName - the sheet's name.
 * @param header - the translated column names.
 * @param lines - the students.
 * @returns the workbook bytes.
 */
export async function renderXlsx(
  sheetName: string,
  header: string[],
  lines: readonly ExportLine[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const line of lines) sheet.addRow(cellsOf(line));
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
