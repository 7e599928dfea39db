/**
 * CCMR calculators: pure functions from the §3 student record (ccmr-rules.md) to readiness,
 * campus and district rates, the Outcomes Bonus, ECHS/P-TECH OBMs, paths, projections and
 * what-if. No I/O; the accountability year and `now` are inputs.
 */
export { evaluateStudent } from './evaluate-student.js';
export { isPosReached } from './indicators/ibc.js';
export { mergeParameters, parametersFor } from './parameters/parameters-for.js';
export { PARAMETER_TABLE, SUPPORTED_YEARS } from './parameters/parameter-table.js';
export type {
  CountRounding,
  DeepPartial,
  ParameterOverrides,
  YearParameters,
} from './parameters/year-parameters.js';
export { StudentWindow, accountabilityYearFor, windowOf } from './student-window.js';
export type * from './student-record.js';
export type * from './student-result.js';
export { INDICATOR_IDS } from './outcome.js';
export type {
  Evidence,
  IndicatorExplanation,
  IndicatorId,
  Outcome,
  ReasonCode,
} from './outcome.js';
export { aggregateCcmrRate } from './aggregation/aggregate-ccmr-rate.js';
export type { CcmrRate, RosterEntry } from './aggregation/aggregate-ccmr-rate.js';
export { scaleComponent } from './aggregation/scale-component.js';
export type { Letter } from './aggregation/scale-component.js';
export {
  computeOutcomesBonus,
  countOutcomesBonusCohorts,
} from './outcomes-bonus/district-outcomes-bonus.js';
export type {
  CohortBonus,
  CohortCount,
  DistrictOutcomesBonus,
} from './outcomes-bonus/district-outcomes-bonus.js';
export { computeObm } from './obm/compute-obm.js';
export type { ObmCount, ObmRequest, ObmResult } from './obm/compute-obm.js';
export { OBM_TABLES } from './obm/obm-tables.js';
export type {
  ObmDomain,
  ObmIndicator,
  ObmProgram,
  ObmRequirement,
  ObmTable,
  ObmTarget,
  ObmVersion,
} from './obm/obm-table.js';
export { findPathToReadiness } from './path/path-to-readiness.js';
export type { MissingPiece, ReadinessPath, ReadinessRoute } from './path/route.js';
export { projectCohort } from './projections/project-cohort.js';
export type {
  CohortProjection,
  ProjectionOptions,
  ProjectionStatus,
  StudentProjection,
} from './projections/project-cohort.js';
export { applyPendingEvidence } from './projections/apply-pending-evidence.js';
export { addEvidence, runWhatIf } from './projections/run-what-if.js';
export type {
  HypotheticalEvidence,
  WhatIfChange,
  WhatIfResult,
  WhatIfSnapshot,
} from './projections/run-what-if.js';
