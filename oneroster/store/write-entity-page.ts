import type { TenantTransaction } from '../../store/index.js';
import { mapAcademicSession } from '../mapping/map-academic-session.js';
import { mapClass } from '../mapping/map-class.js';
import { mapCourse } from '../mapping/map-course.js';
import { mapDemographics, type MappedDemographics } from '../mapping/map-demographics.js';
import { mapEnrollment } from '../mapping/map-enrollment.js';
import { mapOrg } from '../mapping/map-org.js';
import { mapUser, type MappedUser } from '../mapping/map-user.js';
import type { FieldProblem, MapOutcome, MappedBase } from '../mapping/wire-fields.js';
import type { EntityCounts, RosterEntity } from '../sync-counts.js';
import {
  academicSessionTable,
  classTable,
  courseTable,
  enrollmentTable,
  orgTable,
  personTable,
  type TableSpec,
} from './table-specs.js';
import { planRows, writePlannedRows, type PlannedRow } from './write-batch.js';
import type { WriteContext } from './write-context.js';
import {
  planDemographics,
  writeDemographics,
  type PlannedDemographics,
} from './write-demographics.js';
import { refreshNameBirthIndex } from './refresh-name-birth-index.js';
import { writeStudents } from './write-students.js';

type TableEntity = Exclude<RosterEntity, 'demographics'>;

/** The table each entity lands in (demographics land on people). */
export const ENTITY_TABLES: Record<TableEntity, TableSpec<MappedBase>> = {
  orgs: orgTable as unknown as TableSpec<MappedBase>,
  academicSessions: academicSessionTable as unknown as TableSpec<MappedBase>,
  courses: courseTable as unknown as TableSpec<MappedBase>,
  classes: classTable as unknown as TableSpec<MappedBase>,
  users: personTable as unknown as TableSpec<MappedBase>,
  enrollments: enrollmentTable as unknown as TableSpec<MappedBase>,
};

const MAPPERS: Record<RosterEntity, (input: unknown) => MapOutcome<MappedBase>> = {
  orgs: mapOrg,
  academicSessions: mapAcademicSession,
  courses: mapCourse,
  classes: mapClass,
  users: mapUser,
  enrollments: mapEnrollment,
  demographics: mapDemographics,
};

/** Refuses a record: the CSV import turns this into an error naming file, row and column. */
export type ProblemHandler = (position: number, problem: FieldProblem) => never;

/** A page mapped and planned, ready to be written: all its CPU work done ahead of the database. */
export interface PreparedPage {
  entity: RosterEntity;
  /** Records that did not map (refused already when a ProblemHandler was given). */
  errors: number;
  /** The source position of each mapped record, for problems found while writing. */
  positions: number[];
  rows?: PlannedRow<MappedBase>[];
  demographics?: PlannedDemographics[];
}

/**
 * Maps and plans one page of an entity's source records (row ids, content hashes, upsert JSON)
 * without touching the database, so the next page is prepared while this one is written.
 * Records that do not map are counted as errors and skipped, unless `onProblem` refuses them.
 */
export function prepareEntityPage(
  entity: RosterEntity,
  source: readonly unknown[],
  ctx: WriteContext,
  onProblem?: ProblemHandler,
): PreparedPage {
  const records: MappedBase[] = [];
  const positions: number[] = [];
  let errors = 0;
  const map = MAPPERS[entity];
  source.forEach((input, position) => {
    const outcome = map(input);
    if (outcome.ok) {
      records.push(outcome.record);
      positions.push(position);
    } else {
      onProblem?.(position, outcome.issue);
      errors += 1;
    }
  });
  const local = withSourcePositions(ctx, positions);
  if (entity === 'demographics')
    return {
      entity,
      errors,
      positions,
      demographics: planDemographics(records as MappedDemographics[], local),
    };
  return { entity, errors, positions, rows: planRows(ENTITY_TABLES[entity], records, local) };
}

/** Duplicates are reported at their position in the source page, not among mapped records. */
function withSourcePositions(ctx: WriteContext, positions: number[]): WriteContext {
  const onDuplicate = ctx.onDuplicate;
  return onDuplicate ? { ...ctx, onDuplicate: (p) => onDuplicate(positions[p]!) } : ctx;
}

/**
 * Writes a prepared page in the caller's transaction (with the context it was prepared with).
 * @returns the counts of this page.
 */
export async function writePreparedPage(
  tx: TenantTransaction,
  page: PreparedPage,
  ctx: WriteContext,
  onProblem?: ProblemHandler,
): Promise<Partial<EntityCounts>> {
  const local = withSourcePositions(ctx, page.positions);
  if (page.demographics) {
    const missing = onProblem
      ? (p: number) =>
          onProblem(page.positions[p]!, {
            field: 'sourcedId',
            problem: 'names no user of the roster',
          })
      : undefined;
    const counts = await writeDemographics(tx, page.demographics, local, missing);
    return { ...counts, errors: page.errors + (counts.errors ?? 0) };
  }
  const entity = page.entity as TableEntity;
  const outcome = await writePlannedRows(tx, ENTITY_TABLES[entity], page.rows!, local);
  if (entity === 'users') {
    await writeStudents(tx, outcome.written as unknown as PlannedRow<MappedUser>[], ctx);
    await refreshNameBirthIndex(tx, outcome.updated as unknown as PlannedRow<MappedUser>[], ctx);
  }
  return { ...outcome.counts, errors: page.errors };
}

/**
 * Maps and writes one page of an entity's source records in the caller's transaction.
 * Records that do not map are counted as errors and skipped, unless `onProblem` refuses them.
 * @returns the counts of this page.
 */
export async function writeEntityPage(
  tx: TenantTransaction,
  entity: RosterEntity,
  source: readonly unknown[],
  ctx: WriteContext,
  onProblem?: ProblemHandler,
): Promise<Partial<EntityCounts>> {
  return writePreparedPage(tx, prepareEntityPage(entity, source, ctx, onProblem), ctx, onProblem);
}
