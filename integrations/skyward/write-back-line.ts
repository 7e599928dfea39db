/**
 * One line of a write-back file: a certification change in the canonical layout of
 * docs/skyward.md, built on the TEDS elements of reference/standards.md §4.3.
 */
export interface WriteBackLine {
  /** The product's certification id: stable across versions and re-sends. */
  record_id: string;
  /** The version this line carries; with record_id it identifies a re-sent line. */
  record_version: string;
  /** `upsert` (add or replace) or `delete` (remove the record_id). */
  operation: string;
  /** E1523 TX-UNIQUE-STUDENT-ID. */
  student_state_id: string;
  /** E0001 STUDENT-ID (the district's local ID). */
  student_local_id: string;
  /** E0266 campus ID of the campus that reports the certification. */
  campus_id: string;
  /** E1640 POST-SECONDARY-CERTIFICATION-LICENSURE-CODE (code table C214). */
  certification_code: string;
  /** E1733 result (code table C232): 01 earned, 02 not earned, … */
  result_code: string;
  /** E1655 IBC-VENDOR-CODE (code table C226). */
  vendor_code: string;
  /** E1654 IBC-EXAM-FEE-AMOUNT, dollars with two decimals. */
  exam_fee: string;
  /** E1632 DateCertTaken: the exam date, or the earned date when no exam date is known. */
  date_taken: string;
  /** The date the certificate was earned, when it was. */
  date_earned: string;
  /** TEDS school year: the calendar year the school year ends in (2026 = 2025-26). */
  school_year: string;
}

/** The fields a column can take its value from, in the canonical order. */
export const WRITE_BACK_FIELDS = [
  'record_id',
  'record_version',
  'operation',
  'student_state_id',
  'student_local_id',
  'campus_id',
  'certification_code',
  'result_code',
  'vendor_code',
  'exam_fee',
  'date_taken',
  'date_earned',
  'school_year',
] as const satisfies ReadonlyArray<keyof WriteBackLine>;

/** A field name of the canonical layout. */
export type WriteBackField = (typeof WRITE_BACK_FIELDS)[number];
