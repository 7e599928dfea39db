import { z } from 'zod';
import { CertificationInvalid } from './errors.js';

/**
 * TEDS code values: letters, digits, dot, dash, underscore.
 * Limitation: codes are not checked against the year's C214/C226/C232 tables (they change
 * yearly, standards.md §4.4); Skyward's acknowledgement file reports codes it rejects.
 */
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,20}$/, 'expected a code of 1–20 letters or digits');
const isoDate = z.iso.date();

/** A certification as callers give it. Either `id` or `sourceKey` makes a retry land on one row. */
export const certificationInputSchema = z
  .object({
    /** The row to change; when absent, derived from `sourceKey`, else a new random id. */
    id: z.uuid().optional(),
    /** A natural key from the source (e.g. an import file's row key), for a stable id. */
    sourceKey: z.string().min(1).max(500).optional(),
    personId: z.uuid(),
    ibcCode: code,
    vendorCode: code.nullish(),
    /** TEDS E1654 is DECIMAL(5,2): at most 999.99 dollars. */
    examFeeCents: z.number().int().min(0).max(99_999).nullish(),
    /** TEDS E1733, code table C232: two digits. */
    resultCode: z.string().regex(/^\d{2}$/, 'expected a two-digit C232 code such as 01'),
    examDate: isoDate.nullish(),
    earnedDate: isoDate.nullish(),
    schoolYear: z.number().int().min(2000).max(2100),
    campusOrgId: z.uuid().nullish(),
    alignedPosStatus: z
      .enum(['none', 'level2_course', 'concentrator', 'completer'])
      .default('none'),
    lists: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    receiptFileId: z.string().min(1).max(200).nullish(),
    source: z.string().trim().min(1).max(100),
  })
  .refine((input) => input.examDate || input.earnedDate, {
    message: 'examDate or earnedDate is required',
    path: ['examDate'],
  });

/** The input before validation (optional fields may be missing). */
export type CertificationInput = z.input<typeof certificationInputSchema>;

/** The input after validation, with defaults applied. */
export type ValidCertificationInput = z.output<typeof certificationInputSchema>;

/**
 * Validates a certification input.
 * @param input what a caller passed.
 * @param recordNumber the record's 1-based place in a set, for the message.
 * @returns the input with defaults applied.
 * @throws CertificationInvalid (ERR_CERTIFICATION_INVALID) naming the first bad field.
 */
export function parseCertificationInput(
  input: unknown,
  recordNumber?: number,
): ValidCertificationInput {
  const parsed = certificationInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new CertificationInvalid(issue.path.join('.') || '(input)', issue.message, recordNumber);
}
