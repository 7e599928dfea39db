/** What a k-anonymity check found over a table's quasi-identifiers (privacy-checklist.md R26). */
export interface KAnonymityReport {
  k: number;
  isKAnonymous: boolean;
  /** Size of the smallest equivalence class (0 for an empty table). */
  smallestClassSize: number;
  /** How many equivalence classes have fewer than k rows. */
  violatingClassCount: number;
  /** Rows in those classes, which a release must suppress or generalise further. */
  violatingRowIndexes: number[];
}

/**
 * Groups rows by their quasi-identifier values and checks every class has at least k rows.
 * @param rows the candidate release, one object per record.
 * @param quasiIdentifiers the columns an outsider could link on (campus, grade, gender, …).
 * @param k the smallest class size allowed (the district's `k_anonymity_k`).
 * @returns the smallest class, the violating classes and their rows.
 */
export function checkKAnonymity(
  rows: ReadonlyArray<Record<string, unknown>>,
  quasiIdentifiers: readonly string[],
  k: number,
): KAnonymityReport {
  const classes = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const key = JSON.stringify(quasiIdentifiers.map((column) => row[column] ?? null));
    classes.set(key, [...(classes.get(key) ?? []), index]);
  });
  const sizes = [...classes.values()].map((members) => members.length);
  const violating = [...classes.values()].filter((members) => members.length < k);
  return {
    k,
    isKAnonymous: violating.length === 0,
    smallestClassSize: sizes.length === 0 ? 0 : Math.min(...sizes),
    violatingClassCount: violating.length,
    violatingRowIndexes: violating.flat().sort((a, b) => a - b),
  };
}
