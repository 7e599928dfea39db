/**
 * Structured JSON logs (pino). What reaches a log line is decided by allow-list: the serializers
 * below keep ids, codes, counts and durations, and the redaction paths are a backstop that stays
 * on in every environment. Never log names, emails, sourcedIds, LTI subs, tokens or payloads.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths that must never carry a value, whatever a caller passes by mistake. */
const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  'id_token',
  'authorization',
  'cookie',
  'email',
  'name',
  'given_name',
  'family_name',
  'sub',
  'sourcedId',
  'payload',
  'body',
  'query',
  '*.password',
  '*.secret',
  '*.token',
  '*.id_token',
  '*.authorization',
  '*.cookie',
  '*.email',
  '*.name',
  '*.given_name',
  '*.family_name',
  '*.sub',
  '*.sourcedId',
  '*.payload',
  '*.body',
  '*.query',
  'req.headers',
  'res.headers',
];

/**
 * Keeps only what identifies an error's kind. jose and axios errors carry the decoded token or
 * the request, and driver errors quote the offending value in their message, so for anything but
 * our own AppError (whose messages we write) the message is left out and only the stack frames
 * are kept.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const isOwnError =
    typeof (error as { expose?: unknown }).expose === 'boolean' && typeof code === 'string';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '));
  return {
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: isOwnError ? error.message : undefined,
    stack: frames.join('\n'),
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
