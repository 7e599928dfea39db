/**
 * The TEA list of industry-based certifications for public school accountability: a bundled,
 * versioned copy, replaceable by loading TEA's published file.
 */
export type { IbcList, IbcListEntry } from './ibc-list.js';
export { toIbcList } from './ibc-list.js';
export { BUNDLED_IBC_ENTRIES, BUNDLED_IBC_LIST_VERSION } from './bundled-ibc-list.js';
export { loadIbcList } from './load-ibc-list.js';
export { importIbcListFile, parseIbcListFile } from './import-ibc-list.js';
export { IbcListFileInvalid } from './errors.js';
