/**
 * Results: the §3 student record assembled from the store, the recompute that evaluates it and
 * stores `student_results`, and the read side the widgets use.
 */
export { assembleStudentRecords } from './assemble-student-records.js';
export {
  recomputeResults,
  type RecomputeSummary,
  type ResultsContext,
} from './recompute-results.js';
export { loadResults, type ResultsFilter, type StoredResult } from './load-results.js';
export { defineResultsJobs, RECOMPUTE_RESULTS_JOB } from './define-results-jobs.js';
export { inputsHash } from './inputs-hash.js';
export { seedDemoEvidence } from './demo-evidence-step.js';
