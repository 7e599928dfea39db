/**
 * The in-repo OneRoster provider: a seeded generator of a Texas-like district and a 1.1/1.2
 * server over it. Used by tests, benchmarks and the demo, never by production code paths.
 */
export { DistrictGenerator, ENTITIES, type Entity, type WireRecord } from './district-generator.js';
export { DistrictDataset } from './district-dataset.js';
export type { DistrictOptions, DistrictPlan } from './district-plan.js';
export {
  startOneRosterServer,
  BASE_PATHS,
  type OneRosterServerOptions,
  type RunningOneRosterServer,
} from './oneroster-server.js';
export type { Fault } from './fault-plan.js';
export {
  writeRosterZip,
  writeDistrictZip,
  writeRawZip,
  type ZipFilePlan,
} from './roster-csv-zip.js';
