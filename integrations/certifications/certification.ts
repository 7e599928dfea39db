import type { AuditEvent, JobQueue, TenantKeys } from '../../store/index.js';

/** Program-of-study alignment of an IBC (ccmr-rules.md §3 `ibc_earned[].aligned_pos_status`). */
export type AlignedPosStatus = 'none' | 'level2_course' | 'concentrator' | 'completer';

/** One stored industry-based certification record. Dates are 'YYYY-MM-DD'. */
export interface Certification {
  id: string;
  personId: string;
  /** TEA IBC code (TEDS E1640, code table C214). */
  ibcCode: string;
  /** Certifying entity (TEDS E1655, code table C226). */
  vendorCode: string | null;
  /** Exam fee paid by the district, in cents (TEDS E1654). */
  examFeeCents: number | null;
  /** TEDS E1733, code table C232: '01' earned, '02' not earned, … */
  resultCode: string;
  examDate: string | null;
  earnedDate: string | null;
  schoolYear: number;
  campusOrgId: string | null;
  alignedPosStatus: AlignedPosStatus;
  /** The TEA IBC lists the code belongs to. */
  lists: string[];
  receiptFileId: string | null;
  source: string;
  version: number;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What certification changes need from the application: the queue, the keys and the clock. */
export interface CertificationContext {
  readonly jobs: JobQueue;
  readonly keys: TenantKeys;
  now(): Date;
}

/** Who made a change, as the audit trail records it. */
export type CertificationActor = Pick<AuditEvent, 'actorType' | 'actorId' | 'launchId'>;
