import type { TenantCipher } from '../../store/index.js';
import type { WriteBackLine } from './write-back-line.js';

/**
 * The certification, student and campus columns a line is built from. Joined by queries that
 * alias certifications `c`, people `p`, the certification's campus `g`, the student's roster
 * record `s` and the student's campus `sg`. The campus is the one the record names, else the
 * one the student is rostered at: Skyward files a certification under a campus, and score
 * files and staff entries often leave it out.
 */
export const WRITE_BACK_SOURCE_COLUMNS = `c.id AS certification_id, c.person_id, c.ibc_code,
  c.vendor_code, c.exam_fee_cents, c.result_code, c.exam_date, c.earned_date, c.school_year,
  c.version AS current_version, p.id AS found_person_id, p.state_id_enc, p.local_id_enc,
  COALESCE(g.identifier, sg.identifier) AS campus_identifier`;

/** The joins `WRITE_BACK_SOURCE_COLUMNS` needs, after `certifications c`. */
export const WRITE_BACK_SOURCE_JOINS = `LEFT JOIN people p ON p.id = c.person_id
  LEFT JOIN orgs g ON g.id = c.campus_org_id
  LEFT JOIN students s ON s.person_id = c.person_id
  LEFT JOIN orgs sg ON sg.id = s.campus_org_id`;

/** A row selected with `WRITE_BACK_SOURCE_COLUMNS`. */
export interface WriteBackSourceRow {
  [column: string]: unknown;
  certification_id: string;
  person_id: string;
  ibc_code: string;
  vendor_code: string | null;
  exam_fee_cents: number | null;
  result_code: string;
  exam_date: string | null;
  earned_date: string | null;
  school_year: number;
  current_version: number;
  found_person_id: string | null;
  state_id_enc: Buffer | null;
  local_id_enc: Buffer | null;
  campus_identifier: string | null;
}

/** Why a change cannot be written back: Skyward cannot place a line without a student key. */
export type UnsendableReason = 'ERR_SKYWARD_STUDENT_UNKNOWN' | 'ERR_SKYWARD_STUDENT_ID_MISSING';

/**
 * Builds the file line of one certification version, decrypting the student's state and local
 * IDs (E1523, E0001).
 * @param row the joined source row.
 * @param change the version and operation to write.
 * @param cipher the district's cipher.
 * @returns the line, or the reason it cannot be sent.
 */
export function toWriteBackLine(
  row: WriteBackSourceRow,
  change: { version: number; operation: string },
  cipher: TenantCipher,
): WriteBackLine | UnsendableReason {
  if (!row.found_person_id) return 'ERR_SKYWARD_STUDENT_UNKNOWN';
  const at = (column: string) => ({ table: 'people', column, rowId: row.person_id });
  const stateId = cipher.decrypt(row.state_id_enc, at('state_id_enc')) ?? '';
  const localId = cipher.decrypt(row.local_id_enc, at('local_id_enc')) ?? '';
  if (!stateId && !localId) return 'ERR_SKYWARD_STUDENT_ID_MISSING';
  return {
    record_id: row.certification_id,
    record_version: String(change.version),
    operation: change.operation,
    student_state_id: stateId,
    student_local_id: localId,
    campus_id: row.campus_identifier ?? '',
    certification_code: row.ibc_code,
    result_code: row.result_code,
    vendor_code: row.vendor_code ?? '',
    exam_fee: row.exam_fee_cents === null ? '' : (row.exam_fee_cents / 100).toFixed(2),
    date_taken: row.exam_date ?? row.earned_date ?? '',
    date_earned: row.earned_date ?? '',
    school_year: String(row.school_year),
  };
}
