import { parse } from 'csv-parse/sync';
import type { Database } from '../../store/index.js';
import { IbcListFileInvalid } from './errors.js';
import { LIST_EDITION, type IbcListEntry } from './ibc-list.js';

const COLUMNS = ['code', 'name', 'vendor', 'lists'] as const;

/**
 * Reads an IBC list file: CSV with columns code, name, vendor, lists (editions separated by
 * ";", e.g. "2022-2025;2025-2030").
 *
 * @param file - the file name, for messages.
 * @param content - the file's bytes or text.
 * @returns the entries.
 * @throws IbcListFileInvalid (ERR_EVIDENCE_BAD_IBC_LIST) at the first bad row.
 */
export function parseIbcListFile(file: string, content: string | Buffer): IbcListEntry[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, {
      bom: true,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new IbcListFileInvalid(
      file,
      1,
      '(file)',
      `not a CSV file (${(error as Error).message.slice(0, 80)})`,
    );
  }
  const seen = new Set<string>();
  return records.map((record, index) => {
    const row = index + 2;
    for (const column of COLUMNS) {
      if (!record[column]?.trim())
        throw new IbcListFileInvalid(file, row, column, 'a value is required');
    }
    const code = record.code!.trim().toUpperCase();
    if (seen.has(code)) throw new IbcListFileInvalid(file, row, 'code', 'duplicate code');
    seen.add(code);
    const lists = record.lists!.split(';').map((list) => list.trim());
    const bad = lists.find((list) => !LIST_EDITION.test(list));
    if (bad !== undefined)
      throw new IbcListFileInvalid(file, row, 'lists', `"${bad}" is not an edition like 2022-2025`);
    return { code, name: record.name!.trim(), vendor: record.vendor!.trim(), lists };
  });
}

/**
 * Loads a new version of the TEA IBC list from a file; loading the same version again replaces
 * its entries (idempotent).
 *
 * @param db - the database.
 * @param input - version label, file name and content.
 * @param now - the clock.
 * @returns the number of credentials loaded.
 * @throws IbcListFileInvalid (ERR_EVIDENCE_BAD_IBC_LIST).
 */
export async function importIbcListFile(
  db: Database,
  input: { version: string; file: string; content: string | Buffer },
  now: Date,
): Promise<{ version: string; entries: number }> {
  const entries = parseIbcListFile(input.file, input.content);
  if (entries.length === 0) throw new IbcListFileInvalid(input.file, 1, '(file)', 'no credentials');
  await db.withSystem((tx) =>
    tx.query(
      `INSERT INTO ibc_list_versions (version, entries, loaded_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (version) DO UPDATE SET entries = EXCLUDED.entries, loaded_at = EXCLUDED.loaded_at`,
      [input.version, JSON.stringify(entries), now],
    ),
  );
  return { version: input.version, entries: entries.length };
}
