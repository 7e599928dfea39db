/** One credential of the TEA list of IBCs for public school accountability (19 TAC §74.1003). */
export interface IbcListEntry {
  code: string;
  name: string;
  vendor: string;
  /** The list editions it belongs to: "2019-2022", "2022-2025", "2025-2030". */
  lists: string[];
}

/** One version of the list, indexed by code. */
export interface IbcList {
  version: string;
  entries: ReadonlyMap<string, IbcListEntry>;
}

/** List editions are named by their first and last school-year ends. */
export const LIST_EDITION = /^\d{4}-\d{4}$/;

/**
 * Indexes entries by upper-case code.
 *
 * @param version - the version label.
 * @param entries - the credentials.
 * @returns the indexed list.
 */
export function toIbcList(version: string, entries: readonly IbcListEntry[]): IbcList {
  return { version, entries: new Map(entries.map((entry) => [entry.code.toUpperCase(), entry])) };
}
