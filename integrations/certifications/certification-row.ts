import type { AlignedPosStatus, Certification } from './certification.js';

/** The columns every certification read selects, in the order `toCertification` expects. */
export const CERTIFICATION_COLUMNS = `id, person_id, ibc_code, vendor_code, exam_fee_cents,
  result_code, exam_date, earned_date, school_year, campus_org_id, aligned_pos_status, lists,
  receipt_file_id, source, version, deleted_at, created_at, updated_at`;

/** A row of `certifications` as the store returns it. */
export interface CertificationRow {
  [column: string]: unknown;
  id: string;
  person_id: string;
  ibc_code: string;
  vendor_code: string | null;
  exam_fee_cents: number | null;
  result_code: string;
  exam_date: string | null;
  earned_date: string | null;
  school_year: number;
  campus_org_id: string | null;
  aligned_pos_status: string;
  lists: string[];
  receipt_file_id: string | null;
  source: string;
  version: number;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Maps a stored row to the camelCase record the product works with. */
export function toCertification(row: CertificationRow): Certification {
  return {
    id: row.id,
    personId: row.person_id,
    ibcCode: row.ibc_code,
    vendorCode: row.vendor_code,
    examFeeCents: row.exam_fee_cents,
    resultCode: row.result_code,
    examDate: row.exam_date,
    earnedDate: row.earned_date,
    schoolYear: row.school_year,
    campusOrgId: row.campus_org_id,
    alignedPosStatus: row.aligned_pos_status as AlignedPosStatus,
    lists: row.lists,
    receiptFileId: row.receipt_file_id,
    source: row.source,
    version: row.version,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
