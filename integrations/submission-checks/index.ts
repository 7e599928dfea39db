/**
 * PEIMS submission checks: before a TSDS submission, the certification records that would reach
 * TEA missing, miscoded or in the wrong submission, each with the reason (docs/skyward.md).
 */
export {
  SUBMISSION_CHECKS,
  SEVERITY_OF,
  type CertificationUnderCheck,
  type FindingSeverity,
  type SkywardStanding,
  type SubmissionCheck,
  type SubmissionFinding,
} from './submission-finding.js';
export { checkCertifications } from './check-certifications.js';
export { checkSubmission, type SubmissionReport } from './check-submission.js';
