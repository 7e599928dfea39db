import { z } from 'zod';

/** Record status. 1.0 providers still send `inactive`; it is kept as is (not a deletion). */
export const statusField = z
  .enum(['active', 'tobedeleted', 'inactive'])
  .optional()
  .transform((v) => v ?? 'active');

/** dateLastModified: ISO 8601 date-time; blank in bulk CSV files. */
export const modifiedField = z
  .string()
  .optional()
  .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), 'is not an ISO 8601 date-time')
  .transform((v) => (v === undefined ? null : new Date(v).toISOString()));

/** A calendar date YYYY-MM-DD that exists. */
export const dateField = z.string().refine(isCalendarDate, 'is not a date (YYYY-MM-DD)');

const checkedDates = new Map<string, boolean>();

/**
 * Whether a string is YYYY-MM-DD and names a day that exists (no 2026-02-30). Rosters repeat the
 * same few dates (term starts and ends) hundreds of thousands of times, so answers are memoised.
 */
function isCalendarDate(value: string): boolean {
  const known = checkedDates.get(value);
  if (known !== undefined) return known;
  let valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (valid) {
    const time = Date.parse(`${value}T00:00:00Z`);
    valid = !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }
  if (checkedDates.size < 10_000) checkedDates.set(value, valid);
  return valid;
}

/** A boolean, as JSON true/false or the strings of the 1.1 binding and CSV files. */
export const booleanField = z
  .union([z.boolean(), z.string().regex(/^(true|false)$/i, 'is not true or false')])
  .transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'));

/** A reference to another record by sourcedId (GUIDRef). */
export const refField = z.looseObject({ sourcedId: z.string().min(1, 'is empty') });

/** A non-empty identifier. */
export const sourcedIdField = z.string().min(1, 'is empty');

/** An optional string; blank becomes null. */
export const optionalText = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** The fields every OneRoster record carries. */
export const baseFields = {
  sourcedId: sourcedIdField,
  status: statusField,
  dateLastModified: modifiedField,
};

/** What all mapped records share. */
export interface MappedBase {
  sourcedId: string;
  status: 'active' | 'tobedeleted' | 'inactive';
  modifiedAt: string | null;
}

/** One problem with one field of a source record. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** A mapped record, or the first problem that kept it from mapping. */
export type MapOutcome<T> = { ok: true; record: T } | { ok: false; issue: FieldProblem };

/** Runs a schema and maps its first issue to a field problem (the pure mappers never throw). */
export function mapWith<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  build: (parsed: z.output<S>) => T,
): MapOutcome<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'record';
    const problem =
      issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
    return { ok: false, issue: { field, problem } };
  }
  return { ok: true, record: build(result.data) };
}
