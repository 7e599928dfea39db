import { AppError } from '../store/index.js';

/** Every code the LTI module raises; codes are never reused. */
export type LtiErrorCode =
  | 'ERR_LTI_BAD_REQUEST'
  | 'ERR_LTI_UNKNOWN_REGISTRATION'
  | 'ERR_LTI_AMBIGUOUS_REGISTRATION'
  | 'ERR_LTI_REGISTRATION_INACTIVE'
  | 'ERR_LTI_BAD_TARGET_LINK_URI'
  | 'ERR_LTI_INSECURE_ENDPOINT'
  | 'ERR_LTI_STATE_MISSING'
  | 'ERR_LTI_STATE_MISMATCH'
  | 'ERR_LTI_STATE_EXPIRED'
  | 'ERR_LTI_NONCE_REPLAYED'
  | 'ERR_LTI_NONCE_MISMATCH'
  | 'ERR_LTI_MALFORMED_TOKEN'
  | 'ERR_LTI_BAD_ALGORITHM'
  | 'ERR_LTI_MISSING_KID'
  | 'ERR_LTI_UNKNOWN_KID'
  | 'ERR_LTI_BAD_SIGNATURE'
  | 'ERR_LTI_PLATFORM_JWKS_UNAVAILABLE'
  | 'ERR_LTI_WRONG_ISSUER'
  | 'ERR_LTI_WRONG_AUDIENCE'
  | 'ERR_LTI_WRONG_AZP'
  | 'ERR_LTI_TOKEN_EXPIRED'
  | 'ERR_LTI_TOKEN_ISSUED_IN_FUTURE'
  | 'ERR_LTI_TOKEN_TOO_OLD'
  | 'ERR_LTI_MISSING_DEPLOYMENT'
  | 'ERR_LTI_UNKNOWN_DEPLOYMENT'
  | 'ERR_LTI_BAD_MESSAGE_TYPE'
  | 'ERR_LTI_BAD_VERSION'
  | 'ERR_LTI_MISSING_CLAIM'
  | 'ERR_LTI_MISSING_SUBJECT'
  | 'ERR_LTI_CONTEXT_REQUIRED'
  | 'ERR_LTI_SESSION_REQUIRED'
  | 'ERR_LTI_SESSION_EXPIRED'
  | 'ERR_LTI_NOT_ALLOWED'
  | 'ERR_LTI_REGISTRATION_FAILED'
  | 'ERR_LTI_BAD_INVITE'
  | 'ERR_LTI_SERVICE_FAILED'
  | 'ERR_LTI_NO_TOOL_KEY';

/**
 * An LTI failure with a stable code. Every launch rejection is a 4xx; a platform that cannot be
 * reached is a 502. All messages are written to be safe inside the LMS (exposed), and `detail`
 * (private, logs only) never carries a token or a claim value.
 */
export class LtiError extends AppError {
  declare readonly code: LtiErrorCode;

  constructor(
    code: LtiErrorCode,
    message: string,
    options: { status?: number; detail?: string; cause?: unknown } = {},
  ) {
    super(code, message, { status: options.status ?? 400, expose: true, ...options });
  }
}

/** Answers whether an error is an LtiError carrying `code`. */
export function isLtiError(error: unknown, code?: LtiErrorCode): error is LtiError {
  return error instanceof LtiError && (code === undefined || error.code === code);
}
