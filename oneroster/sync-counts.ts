/** The OneRoster entities a sync loads, in dependency order (users before demographics). */
export const ROSTER_ENTITIES = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'enrollments',
  'demographics',
] as const;
export type RosterEntity = (typeof ROSTER_ENTITIES)[number];

/** What happened to the records of one entity. */
export interface EntityCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Records the provider sent that could not be mapped or referenced nothing (skipped). */
  errors: number;
}

/** Counts keyed by OneRoster entity name: the summary line of `ccmr oneroster sync|import`. */
export type SyncCounts = Record<RosterEntity, EntityCounts>;

/** All zero. */
export function emptyCounts(): SyncCounts {
  return Object.fromEntries(
    ROSTER_ENTITIES.map((e) => [
      e,
      { created: 0, updated: 0, deleted: 0, unchanged: 0, errors: 0 },
    ]),
  ) as SyncCounts;
}

/** Adds `more` into `into`. */
export function addCounts(into: EntityCounts, more: Partial<EntityCounts>): void {
  into.created += more.created ?? 0;
  into.updated += more.updated ?? 0;
  into.deleted += more.deleted ?? 0;
  into.unchanged += more.unchanged ?? 0;
  into.errors += more.errors ?? 0;
}
