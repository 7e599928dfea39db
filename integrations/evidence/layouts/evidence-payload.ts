import type { EvidenceKind, RowPayload } from '../layout.js';
import type { RowReader } from '../row-reader.js';

/**
 * Builds an evidence payload from read fields, dropping absent optional ones; undefined when a
 * required field was bad or missing (the reader has reported it already).
 *
 * @param kind - the §3 array the element belongs to.
 * @param data - the element's fields as read.
 * @param required - fields that must be present.
 * @returns the payload or undefined.
 */
export function toEvidencePayload(
  kind: EvidenceKind,
  data: Record<string, unknown>,
  required: readonly string[],
): RowPayload | undefined {
  if (required.some((key) => data[key] === undefined)) return undefined;
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return { target: 'evidence', kind, data: defined };
}

/**
 * Reports a row that carries none of the scores of its layout.
 *
 * @param row - the row.
 * @param data - the fields read.
 * @param fields - the score fields, any one of which suffices.
 */
export function requireAnyScore(
  row: RowReader,
  data: Record<string, unknown>,
  fields: readonly string[],
): void {
  if (fields.every((field) => data[field] === undefined)) {
    row.report(fields.join('|'), 'ERR_EVIDENCE_BAD_VALUE', 'the row carries no score');
  }
}
