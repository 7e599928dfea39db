import { parse } from 'csv-parse/sync';
import { EvidenceFileUnreadable, type RowIssue } from './errors.js';
import { IDENTITY_COLUMNS, type Layout } from './layout.js';

/** A data row: its number in the file (the header is row 1) and its cells by template column. */
export interface FileRow {
  row: number;
  cells: Record<string, string>;
}

/** The rows of a file, or the header problems that stop it from being read. */
export interface ReadFile {
  rows: FileRow[];
  headerIssues: RowIssue[];
}

/** Lower-case, trimmed, spaces and dashes as underscores: "Test Date" → "test_date". */
export function normaliseColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads an evidence CSV in a layout: renames columns through the district's saved mapping
 * (template column → file column), and checks that the template's required columns and a way to
 * identify students are present.
 *
 * @param file - the file name, for messages.
 * @param content - the file's bytes or text (UTF-8, optional BOM).
 * @param layout - the layout it claims.
 * @param mapping - template column → file column, when the district saved one.
 * @returns the rows and header issues.
 * @throws EvidenceFileUnreadable (ERR_EVIDENCE_UNREADABLE_FILE) when it is not a CSV at all.
 */
export function readEvidenceFile(
  file: string,
  content: string | Buffer,
  layout: Layout,
  mapping: Record<string, string> = {},
): ReadFile {
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    throw new EvidenceFileUnreadable(
      file,
      `not a CSV file (${(error as { code?: string }).code ?? 'parse error'})`,
    );
  }
  if (records.length === 0) throw new EvidenceFileUnreadable(file, 'the file is empty');
  const renames = new Map(
    Object.entries(mapping).map(([template, own]) => [normaliseColumn(own), template]),
  );
  const header = records[0]!.map((name) => {
    const column = normaliseColumn(name);
    return renames.get(column) ?? column;
  });
  const headerIssues = checkHeader(file, header, layout);
  const rows = records.slice(1).map((cells, index) => ({
    row: index + 2,
    cells: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])),
  }));
  return { rows, headerIssues };
}

function checkHeader(file: string, header: string[], layout: Layout): RowIssue[] {
  const present = new Set(header);
  const issues: RowIssue[] = layout.requiredColumns
    .filter((column) => !present.has(column))
    .map((column) => ({
      file,
      row: 1,
      column,
      code: 'ERR_EVIDENCE_MISSING_COLUMN' as const,
      message: 'required column is missing',
    }));
  const [stateId, localId, last, first, birth] = IDENTITY_COLUMNS;
  const canIdentify =
    present.has(stateId) ||
    present.has(localId) ||
    (present.has(last) && present.has(first) && present.has(birth));
  if (!canIdentify) {
    issues.push({
      file,
      row: 1,
      column: 'state_id|local_id|last_name+first_name+birth_date',
      code: 'ERR_EVIDENCE_MISSING_COLUMN',
      message: 'no column identifies the student',
    });
  }
  const duplicate = header.find((column, index) => header.indexOf(column) !== index);
  if (duplicate !== undefined) {
    issues.push({
      file,
      row: 1,
      column: duplicate,
      code: 'ERR_EVIDENCE_DUPLICATE_COLUMN',
      message: 'column appears twice',
    });
  }
  return issues;
}
