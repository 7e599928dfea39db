/**
 * Structured JSON logs (pino). What reaches a log line is decided by allow-list: the serializers
 * below keep ids, codes, counts and durations, and the redaction paths are a backstop that stays
 * on in every environment. Never log names, emails, sourcedIds, LTI subs, tokens or payloads.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths that must never carry a value, whatever a caller passes by mistake. */
const REDACTED_PATHS = [
  'password', 'secret', 'token', 'id_token', 'authorization', 'cookie', 'email', 'name',
  'given_name', 'family_name', 'sub', 'sourcedId', 'payload', 'body', 'query',
  '*.password', '*.secret', '*.token', '*.id_token', '*.authorization', '*.cookie', '*.email',
  '*.name', '*.given_name', '*.family_name', '*.sub', '*.sourcedId', '*.payload', '*.body',
  '*.query', 'req.headers', 'res.headers',
];

/**
 * Keeps only what identifies an error's kind: jose and axios errors carry the decoded token or
 * the request, so the default serializer (every enumerable property) must not be used.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: 'non-error thrown', type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: error.message,
    stack: error.stack,
  };
}

/** Creates the process logger. `destination` lets tests capture every line. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
