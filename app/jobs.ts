import type { AppContext } from './app-context.js';
import { defineSkywardJobs } from '../integrations/skyward/index.js';
import { defineResultsJobs } from './results/index.js';
import { defineRosterSyncJobs } from '../oneroster/index.js';
import { defineRetentionJob } from '../privacy/index.js';
import { defineLtiJobs } from '../lti/index.js';

/**
 * Every kind of background job the product runs. Each area adds its own `define…Jobs(context)`
 * function here, one line each; it calls `context.jobs.define(...)`.
 */
const definers: Array<(context: AppContext) => void> = [
  defineSkywardJobs,
  defineResultsJobs,
  defineRosterSyncJobs,
  defineRetentionJob,
  defineLtiJobs,
];

export function defineJobs(context: AppContext): void {
  for (const define of definers) define(context);
}
