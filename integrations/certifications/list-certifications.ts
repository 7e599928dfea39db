import type { Transaction } from '../../store/index.js';
import type { Certification } from './certification.js';
import {
  CERTIFICATION_COLUMNS,
  toCertification,
  type CertificationRow,
} from './certification-row.js';

/** Which certifications to list. */
export interface ListCertificationsFilter {
  /** Only this student's. */
  personId?: string;
  /** Include deleted records (tombstones); default false. */
  isDeletedIncluded?: boolean;
}

/**
 * Lists the district's certifications, oldest first. The caller audits the read where it shows
 * student data (the student-record assembler and the views do).
 * @param tx the district's transaction (row-level security limits rows to its tenant).
 * @param filter optional person and tombstone filter.
 * @returns the records in camelCase.
 */
export async function listCertifications(
  tx: Transaction,
  filter: ListCertificationsFilter = {},
): Promise<Certification[]> {
  const rows = await tx.query<CertificationRow>(
    `SELECT ${CERTIFICATION_COLUMNS} FROM certifications
     WHERE ($1::uuid IS NULL OR person_id = $1::uuid) AND ($2 OR deleted_at IS NULL)
     ORDER BY created_at, id`,
    [filter.personId ?? null, filter.isDeletedIncluded ?? false],
  );
  return rows.map(toCertification);
}
