import type { PosStatus } from '../../calculators/index.js';

/**
 * What the checks look for before a PEIMS submission (TSDS): each is a way an industry-based
 * certification reaches TEA wrong, late or not at all.
 */
export const SUBMISSION_CHECKS = [
  'ibc_not_in_skyward',
  'ibc_removal_not_in_skyward',
  'ibc_not_on_tea_list',
  'ibc_pos_short',
  'ibc_exam_fee_missing',
  'ibc_summer_extended_year',
] as const;
export type SubmissionCheck = (typeof SUBMISSION_CHECKS)[number];

/**
 * blocking: the record will be missing or wrong in the submission; warning: it will be sent
 * but may not count or be reimbursed; notice: it belongs to another submission than expected.
 */
export type FindingSeverity = 'blocking' | 'warning' | 'notice';

export const SEVERITY_OF: Record<SubmissionCheck, FindingSeverity> = {
  ibc_not_in_skyward: 'blocking',
  ibc_removal_not_in_skyward: 'blocking',
  ibc_not_on_tea_list: 'blocking',
  ibc_pos_short: 'warning',
  ibc_exam_fee_missing: 'warning',
  ibc_summer_extended_year: 'notice',
};

/** One problem with one certification record. Ids are internal; no personal data. */
export interface SubmissionFinding {
  check: SubmissionCheck;
  severity: FindingSeverity;
  certificationId: string;
  personId: string;
  ibcCode: string;
  /** Why, in fields: the Skyward status and reason, the POS status reached and required. */
  detail: Record<string, string | number | null>;
}

/** Where the latest version of a certification stands with Skyward. */
export type SkywardStanding =
  | 'acknowledged'
  | 'delivered'
  | 'pending'
  | 'failed'
  /** The delete of a record Skyward never received: there was nothing to remove. */
  | 'superseded'
  | 'not_queued'
  | 'not_connected';

/** A certification as the checks see it. */
export interface CertificationUnderCheck {
  id: string;
  personId: string;
  ibcCode: string;
  resultCode: string;
  examDate: string | null;
  earnedDate: string | null;
  examFeeCents: number | null;
  alignedPosStatus: PosStatus;
  lists: readonly string[];
  isDeleted: boolean;
  skyward: SkywardStanding;
  skywardReason: string | null;
  /** The POS status the student's class needs for IBC credit; null before a result exists. */
  posRequired: PosStatus | null;
}
