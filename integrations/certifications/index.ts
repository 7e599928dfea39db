/**
 * Industry-based certification records (TEA IBC list; TEDS E1640/E1655/E1654/E1733): save,
 * change, delete and list. Every change is audited and queues its Skyward write-back in the same
 * transaction. The student-record assembler turns records with result '01' into ccmr-rules.md §3
 * `ibc_earned[]` entries.
 */
export type {
  AlignedPosStatus,
  Certification,
  CertificationActor,
  CertificationContext,
} from './certification.js';
export {
  certificationInputSchema,
  parseCertificationInput,
  type CertificationInput,
  type ValidCertificationInput,
} from './certification-input.js';
export { saveCertification } from './save-certification.js';
export { saveCertifications, type SaveCertificationResult } from './save-certifications.js';
export { deleteCertification, type DeleteCertificationResult } from './delete-certification.js';
export { listCertifications, type ListCertificationsFilter } from './list-certifications.js';
export {
  CertificationInvalid,
  CertificationNotFound,
  CertificationPersonUnknown,
} from './errors.js';
