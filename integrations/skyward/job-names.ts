/** The queue that delivers a district's pending certification changes to Skyward. */
export const SKYWARD_DELIVER_JOB = 'skyward.deliver';
