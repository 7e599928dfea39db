import type { Transaction } from '../../store/index.js';
import { BUNDLED_IBC_ENTRIES, BUNDLED_IBC_LIST_VERSION } from './bundled-ibc-list.js';
import { toIbcList, type IbcList, type IbcListEntry } from './ibc-list.js';

/**
 * The IBC list in force: the version loaded most recently from a TEA file, or the bundled one
 * when none was loaded.
 *
 * @param tx - any transaction (the list is system reference data, the same for every district).
 * @returns the list.
 */
export async function loadIbcList(tx: Transaction): Promise<IbcList> {
  const row = await tx.one<{ version: string; entries: IbcListEntry[] }>(
    'SELECT version, entries FROM ibc_list_versions ORDER BY loaded_at DESC, version DESC LIMIT 1',
  );
  return row
    ? toIbcList(row.version, row.entries)
    : toIbcList(BUNDLED_IBC_LIST_VERSION, BUNDLED_IBC_ENTRIES);
}
