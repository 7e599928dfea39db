import { AppError, InputError } from '../store/index.js';

/** Every code this area raises. */
export type OneRosterErrorCode =
  | 'ERR_ONEROSTER_AUTH'
  | 'ERR_ONEROSTER_NOT_FOUND'
  | 'ERR_ONEROSTER_BAD_QUERY'
  | 'ERR_ONEROSTER_PROVIDER'
  | 'ERR_ONEROSTER_UNREACHABLE'
  | 'ERR_ONEROSTER_BAD_RESPONSE'
  | 'ERR_ONEROSTER_ABORTED'
  | 'ERR_ONEROSTER_NOT_CONNECTED'
  | 'ERR_ONEROSTER_BAD_CONNECTION'
  | 'ERR_ONEROSTER_SYNC_IN_PROGRESS';

/** Codes of CSV import problems; each message names the file, row and column. */
export type OneRosterCsvErrorCode =
  | 'ERR_ONEROSTER_CSV_NOT_A_ZIP'
  | 'ERR_ONEROSTER_CSV_MANIFEST'
  | 'ERR_ONEROSTER_CSV_MISSING_FILE'
  | 'ERR_ONEROSTER_CSV_MISSING_COLUMN'
  | 'ERR_ONEROSTER_CSV_BAD_VALUE'
  | 'ERR_ONEROSTER_CSV_BAD_QUOTING'
  | 'ERR_ONEROSTER_CSV_DUPLICATE_ID';

/** A failure talking to the OneRoster provider, with the imsx codes when it sent some. */
export class OneRosterRequestFailed extends AppError {
  /** HTTP status of the last attempt, or 0 when no answer came. */
  readonly httpStatus: number;
  /** imsx_codeMinor of the provider's error payload, when present (e.g. invalid_filter_field). */
  readonly codeMinor?: string;

  constructor(
    code: OneRosterErrorCode,
    message: string,
    options: { httpStatus?: number; codeMinor?: string; detail?: string; cause?: unknown } = {},
  ) {
    super(code, message, {
      status: 502,
      expose: true,
      detail: options.detail,
      cause: options.cause,
    });
    this.httpStatus = options.httpStatus ?? 0;
    this.codeMinor = options.codeMinor;
  }
}

/** The district has no OneRoster connection, or it cannot be used. */
export class OneRosterNotConnected extends InputError {
  constructor(message = 'this district has no OneRoster connection; run `ccmr oneroster connect`') {
    super('ERR_ONEROSTER_NOT_CONNECTED', message);
  }
}

/** Connection settings given to `connect` are invalid. */
export class OneRosterBadConnection extends InputError {
  constructor(field: string, problem: string) {
    super('ERR_ONEROSTER_BAD_CONNECTION', `connection field ${field}: ${problem}`);
  }
}

/** Another sync or import of the same district is running. */
export class SyncInProgress extends AppError {
  constructor() {
    super(
      'ERR_ONEROSTER_SYNC_IN_PROGRESS',
      'a OneRoster sync of this district is already running',
      {
        status: 409,
        expose: true,
      },
    );
  }
}

/** A sync stopped because its AbortSignal fired; what it wrote stays valid and a rerun completes it. */
export class SyncAborted extends AppError {
  constructor() {
    super('ERR_ONEROSTER_ABORTED', 'the OneRoster sync was stopped before it finished', {
      status: 503,
      expose: true,
    });
  }
}

/** A problem in a OneRoster CSV zip, located by file, row (1 = header) and column. */
export class CsvImportError extends InputError {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;

  constructor(
    code: OneRosterCsvErrorCode,
    where: { file: string; row?: number; column?: string },
    problem: string,
  ) {
    const place = [
      where.file,
      where.row === undefined ? undefined : `row ${where.row}`,
      where.column === undefined ? undefined : `column ${where.column}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(code, `${place}: ${problem}`);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}
