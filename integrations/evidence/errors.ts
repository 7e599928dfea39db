import { InputError } from '../../store/index.js';

/** Codes of one problem found in one row (or the header) of an evidence file. */
export type RowIssueCode =
  | 'ERR_EVIDENCE_MISSING_COLUMN'
  | 'ERR_EVIDENCE_BAD_VALUE'
  | 'ERR_EVIDENCE_BAD_DATE'
  | 'ERR_EVIDENCE_OUT_OF_RANGE'
  | 'ERR_EVIDENCE_NO_IDENTITY'
  | 'ERR_EVIDENCE_DUPLICATE_ROW'
  | 'ERR_EVIDENCE_DUPLICATE_COLUMN'
  | 'ERR_EVIDENCE_UNKNOWN_IBC'
  | 'ERR_EVIDENCE_UNMATCHED_STUDENT';

/** One problem: which file, which row (1 = header), which column, and why. */
export interface RowIssue {
  file: string;
  row: number;
  column: string;
  code: RowIssueCode;
  message: string;
}

/**
 * A file with row-level problems: nothing of it was applied. `code` is the first problem's code,
 * `issues` lists them all (row order).
 */
export class EvidenceRowsRejected extends InputError {
  readonly issues: RowIssue[];
  /** The counts of the refused file, for the CLI's summary line. */
  summary?: Record<string, unknown>;

  constructor(issues: RowIssue[]) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
    super(
      first.code,
      `${first.file} row ${first.row} column ${first.column}: ${first.message}${more}`,
    );
    this.issues = issues;
  }
}

/** The whole file cannot be read as the layout it claims to be. */
export class EvidenceFileUnreadable extends InputError {
  constructor(file: string, reason: string) {
    super('ERR_EVIDENCE_UNREADABLE_FILE', `${file}: ${reason}`);
  }
}

/** An import type the product does not know. */
export class UnknownImportType extends InputError {
  constructor(type: string, known: readonly string[]) {
    super(
      'ERR_EVIDENCE_UNKNOWN_TYPE',
      `unknown evidence type "${type}"; one of ${known.join(', ')}`,
    );
  }
}

/** A saved column mapping that is not a map of template column to file column. */
export class InvalidColumnMapping extends InputError {
  constructor(reason: string) {
    super('ERR_EVIDENCE_BAD_MAPPING', `column mapping: ${reason}`);
  }
}

/** A staff action on an unmatched row that does not exist or is already settled. */
export class UnmatchedRowUnavailable extends InputError {
  constructor() {
    super('ERR_EVIDENCE_UNMATCHED_NOT_OPEN', 'no open unmatched row with that id', { status: 404 });
  }
}
