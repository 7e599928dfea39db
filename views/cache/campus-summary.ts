import {
  aggregateCcmrRate,
  countOutcomesBonusCohorts,
  evaluateStudent,
  parametersFor,
  projectCohort,
  SUPPORTED_YEARS,
  type CcmrRate,
  type CohortCount,
  type ObCohort,
} from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';
import { asProspectiveGraduate, assembleRecords } from '../sources/student-records.js';
import { loadStudentRows, newestComputedAt, type StudentRow } from '../sources/student-rows.js';
import { classifyGap, GAP_GROUPS, type GapGroup } from '../presenters/gap-group.js';

/** One graduating class of a campus, aggregated. */
export interface ClassSummary {
  graduationYear: number;
  accountabilityYear: number;
  students: number;
  rateNow: CcmrRate;
  /** The rate if every on-track student's pending evidence succeeds; null for past classes. */
  rateProjected: CcmrRate | null;
  onTrack: number;
  /** Not-ready students by gap group (internal ids, for the drill-down). */
  groups: Record<GapGroup, string[]>;
  /** Graduates and Outcomes Bonus–ready graduates per cohort (OB-COHORT). */
  bonusCounts: Record<ObCohort, CohortCount>;
}

/** A campus's (or the whole district's) aggregates, valid for one version of its results. */
export interface CampusSummary {
  /** The campus, or null for the whole district. */
  campusOrgId: string | null;
  version: string;
  computedAt: Date | null;
  classes: ClassSummary[];
}

function yearOf(row: StudentRow): number {
  const newest = SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1];
  return Math.min(row.result?.accountability_year ?? newest, newest);
}

function groupByGap(rows: readonly StudentRow[]): Record<GapGroup, string[]> {
  const groups = Object.fromEntries(GAP_GROUPS.map((g) => [g, [] as string[]])) as Record<
    GapGroup,
    string[]
  >;
  for (const row of rows) {
    const group = row.result ? classifyGap(row.result) : null;
    if (group) groups[group].push(row.personId);
  }
  return groups;
}

/** A current class is evaluated as prospective graduates: its "now" is today's evidence. */
async function projectCurrentClass(
  clock: { now(): Date },
  tx: TenantTransaction,
  graduationYear: number,
  rows: StudentRow[],
  today: string,
) {
  const assembled = await assembleRecords(
    clock,
    tx,
    rows.map((row) => row.personId),
  );
  const records = assembled.map((record) => asProspectiveGraduate(record, graduationYear));
  const projection = projectCohort(records, { now: today });
  const prospective = records.map((record) => evaluateStudent({ ...record, pending: undefined }));
  return { projection, bonusCounts: countOutcomesBonusCohorts(prospective) };
}

async function summariseClass(
  clock: { now(): Date },
  tx: TenantTransaction,
  graduationYear: number,
  rows: StudentRow[],
  today: string,
): Promise<ClassSummary> {
  const computed = rows.filter((row) => row.result !== null);
  const accountabilityYear = computed.length > 0 ? yearOf(computed[0]) : SUPPORTED_YEARS[0];
  const results = computed.map((row) => row.result!);
  const base = {
    graduationYear,
    accountabilityYear,
    students: rows.length,
    groups: groupByGap(rows),
  };
  const isCurrentClass = `${graduationYear}-06-30` >= today;
  if (isCurrentClass && computed.length > 0) {
    const current = await projectCurrentClass(clock, tx, graduationYear, computed, today);
    return {
      ...base,
      rateNow: current.projection.rate_now,
      rateProjected: current.projection.rate_if_on_track_succeed,
      onTrack: current.projection.counts.on_track,
      bonusCounts: current.bonusCounts,
    };
  }
  return {
    ...base,
    rateNow: aggregateCcmrRate(results, parametersFor(accountabilityYear)),
    rateProjected: null,
    onTrack: 0,
    bonusCounts: countOutcomesBonusCohorts(results),
  };
}

/**
 * Aggregates one campus by graduating class: the CCMR rate now and projected, the component
 * score and letter, the gap groups and the Outcomes Bonus counts. Reads every student of the
 * campus without names; the caller has authorised `campus.read`.
 *
 * @param clock - the application clock.
 * @param tx - a transaction of the district.
 * @param campusOrgId - the campus (orgs.id), or null for every student of the district.
 * @param version - the results version the summary is computed at.
 * @param today - ISO date for projections.
 * @returns the summary.
 */
export async function computeCampusSummary(
  clock: { now(): Date },
  tx: TenantTransaction,
  campusOrgId: string | null,
  version: string,
  today: string,
): Promise<CampusSummary> {
  const ids = await tx.query<{ person_id: string }>(
    `SELECT person_id FROM students
      WHERE ($1::uuid IS NULL OR campus_org_id = $1::uuid) AND graduation_year IS NOT NULL`,
    [campusOrgId],
  );
  const rows = await loadStudentRows(
    tx,
    ids.map((row) => row.person_id),
  );
  const byYear = new Map<number, StudentRow[]>();
  for (const row of rows) {
    const list = byYear.get(row.graduationYear!) ?? [];
    list.push(row);
    byYear.set(row.graduationYear!, list);
  }
  const classes: ClassSummary[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
    classes.push(await summariseClass(clock, tx, year, byYear.get(year)!, today));
  }
  return { campusOrgId, version, computedAt: newestComputedAt(rows), classes };
}
