import { AppError, InputError } from '../store/index.js';

/** Every code the privacy area raises. Codes are stable; messages may be reworded. */
export type PrivacyErrorCode =
  | 'ERR_PRIVACY_FORBIDDEN'
  | 'ERR_PRIVACY_NO_VIEWER'
  | 'ERR_PRIVACY_RATE_LIMITED'
  | 'ERR_PRIVACY_UNKNOWN_STUDENT'
  | 'ERR_PRIVACY_BAD_CORRECTION'
  | 'ERR_PRIVACY_BAD_CONFIRMATION'
  | 'ERR_PRIVACY_BAD_WINDOW'
  | 'ERR_PRIVACY_BAD_CHECKPOINT'
  | 'ERR_PRIVACY_TENANT_OFFBOARDED';

/** The access policy refused an action (HTTP 403). The reason is a stable policy code. */
export class PrivacyForbidden extends AppError {
  readonly reason: string;
  constructor(action: string, reason: string) {
    super('ERR_PRIVACY_FORBIDDEN', `you may not ${action.replace('.', ' ')} here`, {
      status: 403,
      expose: true,
      detail: reason,
    });
    this.reason = reason;
  }
}

/** A route that needs a viewer was reached without a launch session (HTTP 401). */
export class PrivacyNoViewer extends AppError {
  constructor() {
    super('ERR_PRIVACY_NO_VIEWER', 'open this page from your district’s learning platform', {
      status: 401,
      expose: true,
    });
  }
}

/** A client sent more requests than its bucket allows (HTTP 429, with Retry-After). */
export class PrivacyRateLimited extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('ERR_PRIVACY_RATE_LIMITED', 'too many requests; try again shortly', {
      status: 429,
      expose: true,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Bad input to a privacy command or request (CLI exit code 2, HTTP 400). */
export class PrivacyInputError extends InputError {
  constructor(code: PrivacyErrorCode, message: string) {
    super(code, message);
  }
}
