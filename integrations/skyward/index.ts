/**
 * Skyward write-back: every certification change reaches the district's Skyward exactly once,
 * as a CSV line in a batch file delivered over SFTP (docs/skyward.md).
 */
export {
  enqueueSkywardWriteBack,
  enqueueSkywardWriteBacks,
  requestDelivery,
  type WriteBackChange,
} from './enqueue-write-back.js';
export { defineSkywardJobs } from './define-skyward-jobs.js';
export {
  deliverPending,
  type DeliverySummary,
  type DeliverPendingOptions,
} from './deliver-pending.js';
export type { DeliveryFaults } from './delivery-faults.js';
export type { AcknowledgementSummary } from './reconcile-acknowledgements.js';
export {
  saveSkywardConnection,
  skywardConnectionInputSchema,
  type SkywardConnectionInput,
} from './save-skyward-connection.js';
export { testSkywardConnection, type ConnectionTestResult } from './test-skyward-connection.js';
export { getConnectionSummary, type ConnectionSummary } from './connection-summary.js';
export { getDeliveryStatus, type DeliveryStatus } from './delivery-status.js';
export { exportSkywardFile, type SkywardExport } from './export-skyward-file.js';
export {
  parseColumnMapping,
  DEFAULT_COLUMN_MAPPING,
  type ColumnMapping,
} from './column-mapping.js';
export { WRITE_BACK_FIELDS, type WriteBackField, type WriteBackLine } from './write-back-line.js';
export { batchFileName } from './prepare-batch.js';
export { SkywardNotConnected, SkywardSettingInvalid, SkywardTransferFailed } from './errors.js';
export { SKYWARD_DELIVER_JOB, SKYWARD_SWEEP_JOB } from './job-names.js';
export { queueOutstandingDeliveries } from './queue-outstanding-deliveries.js';
