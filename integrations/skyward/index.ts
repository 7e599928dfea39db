/**
 * Skyward write-back: every certification change reaches the district's Skyward exactly once,
 * as a CSV line in a batch file delivered over SFTP (docs/skyward.md).
 */
export {
  enqueueSkywardWriteBack,
  requestDelivery,
  type WriteBackChange,
} from './enqueue-write-back.js';
export { defineSkywardJobs } from './define-skyward-jobs.js';
export { deliverPending, type DeliverySummary } from './deliver-pending.js';
export { SKYWARD_DELIVER_JOB } from './job-names.js';
