/**
 * The base of every error the product raises on purpose. Each area (LTI, OneRoster, evidence,
 * Skyward, privacy, store) defines its own subclasses in its own `errors.ts` with codes that
 * carry the area prefix; codes are never reused.
 *
 * `expose` says whether the public message may reach a client. Anything not exposed becomes a
 * generic 500 at the HTTP edge, so SQL text or payloads never leave the process.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  /** Private detail for logs; never sent to a client and never carrying personal data. */
  readonly detail?: string;

  constructor(
    code: string,
    message: string,
    options: { status?: number; expose?: boolean; detail?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.expose = options.expose ?? this.status < 500;
    this.detail = options.detail;
  }
}

/** Bad input from a user or a file: CLI exit code 2, HTTP 400 unless the subclass says otherwise. */
export class InputError extends AppError {
  constructor(code: string, message: string, options: { status?: number; detail?: string } = {}) {
    super(code, message, { status: options.status ?? 400, expose: true, detail: options.detail });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
