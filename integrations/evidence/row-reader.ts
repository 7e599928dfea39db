import type { RowIssue, RowIssueCode } from './errors.js';

/** Options shared by every field read. */
interface FieldOptions {
  required?: boolean;
}

/** Options of a numeric field; bounds are inclusive. */
interface NumberOptions extends FieldOptions {
  min: number;
  max: number;
  isInteger?: boolean;
  /** Scores reported in steps (SAT sections: 10). */
  step?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const TRUE_WORDS = new Set(['y', 'yes', 'true', '1', 't']);
const FALSE_WORDS = new Set(['n', 'no', 'false', '0', 'f']);

/**
 * Turns vendor date spellings (YYYY-MM-DD, MM/DD/YYYY, YYYYMMDD) into an ISO date, or undefined
 * when the text is not a real calendar day.
 *
 * @param text - the cell text.
 * @returns the ISO date or undefined.
 */
export function toIsoDate(text: string): string | undefined {
  let parts: [string, string, string] | undefined;
  const iso = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  const us = US_DATE.exec(text);
  if (us) parts = [us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')];
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal && year >= 1900 && year <= 2100 ? parts.join('-') : undefined;
}

/**
 * Reads the cells of one data row by template column name, checking each value and recording a
 * row issue (file, row, column, code) for each bad one instead of throwing, so a preview can list
 * every problem of a file at once.
 */
export class RowReader {
  readonly file: string;
  readonly row: number;
  readonly #cells: Record<string, string>;
  readonly #issues: RowIssue[];

  constructor(file: string, row: number, cells: Record<string, string>, issues: RowIssue[]) {
    this.file = file;
    this.row = row;
    this.#cells = cells;
    this.#issues = issues;
  }

  /** Records a problem with this row. */
  report(column: string, code: RowIssueCode, message: string): void {
    this.#issues.push({ file: this.file, row: this.row, column, code, message });
  }

  /** The trimmed cell text, or undefined when empty or absent (reported if required). */
  text(column: string, options: FieldOptions = {}): string | undefined {
    const value = this.#cells[column]?.trim();
    if (value === undefined || value === '') {
      if (options.required) this.report(column, 'ERR_EVIDENCE_BAD_VALUE', 'a value is required');
      return undefined;
    }
    return value;
  }

  /** An ISO date from any accepted spelling. */
  date(column: string, options: FieldOptions = {}): string | undefined {
    const text = this.text(column, options);
    if (text === undefined) return undefined;
    const iso = toIsoDate(text);
    if (!iso) this.report(column, 'ERR_EVIDENCE_BAD_DATE', 'not a date (YYYY-MM-DD or MM/DD/YYYY)');
    return iso;
  }

  /** A number within bounds (and on its step, if any). */
  number(column: string, options: NumberOptions): number | undefined {
    const text = this.text(column, options);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      this.report(column, 'ERR_EVIDENCE_BAD_VALUE', 'not a number');
      return undefined;
    }
    const isOffStep = options.step !== undefined && value % options.step !== 0;
    if (
      value < options.min ||
      value > options.max ||
      (options.isInteger && !Number.isInteger(value)) ||
      isOffStep
    ) {
      const step = options.step ? ` in steps of ${options.step}` : '';
      this.report(
        column,
        'ERR_EVIDENCE_OUT_OF_RANGE',
        `must be between ${options.min} and ${options.max}${step}`,
      );
      return undefined;
    }
    return value;
  }

  /** One of the allowed values, matched without regard to case; returns the canonical spelling. */
  choice<T extends string>(column: string, allowed: readonly T[], options: FieldOptions = {}) {
    const text = this.text(column, options);
    if (text === undefined) return undefined;
    const found = allowed.find((value) => value.toLowerCase() === text.toLowerCase());
    if (found === undefined) {
      this.report(column, 'ERR_EVIDENCE_BAD_VALUE', `must be one of ${allowed.join(', ')}`);
    }
    return found;
  }

  /** A yes/no cell (Y/N, yes/no, true/false, 1/0). */
  flag(column: string, options: FieldOptions = {}): boolean | undefined {
    const text = this.text(column, options);
    if (text === undefined) return undefined;
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    this.report(column, 'ERR_EVIDENCE_BAD_VALUE', 'must be Y or N');
    return undefined;
  }

  /** Whether the file has this column at all (absent columns of a status file stay untouched). */
  hasColumn(column: string): boolean {
    return column in this.#cells;
  }
}
