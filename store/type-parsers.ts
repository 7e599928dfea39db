/**
 * Both drivers return the same JavaScript values for the same SQL types:
 * - bigint (int8) and numeric → number (counts and rates stay well within 2^53);
 * - date → 'YYYY-MM-DD' string (never a Date shifted by the server's time zone);
 * - bytea → Buffer; timestamptz → Date; json/jsonb → parsed value.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const DATE_OID = 1082;
export const BYTEA_OID = 17;

export function parseNumber(text: string): number {
  return Number(text);
}

export function parseDate(text: string): string {
  return text;
}

/** PostgreSQL's text form of bytea is `\x` followed by hex digits. */
export function parseBytea(text: string): Buffer {
  return Buffer.from(text.startsWith('\\x') ? text.slice(2) : text, 'hex');
}
