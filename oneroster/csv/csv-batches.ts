import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { CsvImportError } from '../errors.js';

/** Rows of one CSV file, a batch at a time, with the file row number of the first one. */
export interface CsvBatch {
  rows: Record<string, string>[];
  /** File row of rows[0]; the header is row 1. */
  firstRow: number;
}

const QUOTING_ERRORS = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
]);

function toImportError(file: string, error: unknown, rowsSoFar: number): unknown {
  if (!(error instanceof CsvError)) return error;
  const row = rowsSoFar + 1;
  if (QUOTING_ERRORS.has(error.code)) {
    return new CsvImportError(
      'ERR_ONEROSTER_CSV_BAD_QUOTING',
      { file, row },
      'has a quoted field that is not closed properly',
    );
  }
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    return new CsvImportError(
      'ERR_ONEROSTER_CSV_BAD_VALUE',
      { file, row },
      'has a different number of fields than the header',
    );
  }
  return new CsvImportError(
    'ERR_ONEROSTER_CSV_BAD_VALUE',
    { file, row },
    `is not valid CSV (${error.code})`,
  );
}

/**
 * Streams a CSV file in batches of objects keyed by header, checking the header first: exact,
 * case-sensitive names (OneRoster CSV §2.1), every required column present.
 * @throws CsvImportError (ERR_ONEROSTER_CSV_MISSING_COLUMN, _BAD_QUOTING, _BAD_VALUE)
 */
export async function* readCsvBatches(
  file: string,
  input: Readable,
  required: readonly string[],
  batchSize: number,
): AsyncGenerator<CsvBatch> {
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true }));
  let header: string[] | undefined;
  // Rows are copies of one object with every column, so they all share one fast object shape.
  let blankRow: Record<string, string> | undefined;
  let rowsSoFar = 0;
  let batch: Record<string, string>[] = [];
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      rowsSoFar += 1;
      if (!header) {
        header = fields.map((f) => f.trim());
        const missing = required.find((column) => !header!.includes(column));
        if (missing)
          throw new CsvImportError(
            'ERR_ONEROSTER_CSV_MISSING_COLUMN',
            { file, row: 1, column: missing },
            'the header lacks this required column',
          );
        blankRow = Object.fromEntries(header.map((name) => [name, '']));
        continue;
      }
      const row = { ...blankRow! };
      for (let i = 0; i < header.length; i += 1) row[header[i]!] = fields[i] ?? '';
      batch.push(row);
      if (batch.length >= batchSize) {
        yield { rows: batch, firstRow: rowsSoFar - batch.length + 1 };
        batch = [];
      }
    }
  } catch (error) {
    input.destroy();
    throw toImportError(file, error, rowsSoFar);
  }
  if (!header)
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_MISSING_COLUMN',
      { file, row: 1 },
      'has no header row',
    );
  if (batch.length > 0) yield { rows: batch, firstRow: rowsSoFar - batch.length + 1 };
}
