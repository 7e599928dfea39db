/** The queue that delivers a district's pending certification changes to Skyward. */
export const SKYWARD_DELIVER_JOB = 'skyward.deliver';
/** Runs on a schedule and queues a delivery for every district with Skyward work left. */
export const SKYWARD_SWEEP_JOB = 'skyward.sweep';
