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
import { writeBatch, type PlannedRow } from './write-batch.js';
import type { WriteContext } from './write-context.js';
import { writeDemographics } from './write-demographics.js';
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
  const records: MappedBase[] = [];
  const positions: number[] = [];
  let errors = 0;
  source.forEach((input, position) => {
    const outcome = MAPPERS[entity](input);
    if (outcome.ok) {
      records.push(outcome.record);
      positions.push(position);
    } else {
      onProblem?.(position, outcome.issue);
      errors += 1;
    }
  });
  const back = (position: number) => positions[position]!;
  const local: WriteContext = ctx.onDuplicate
    ? { ...ctx, onDuplicate: (p) => ctx.onDuplicate!(back(p)) }
    : ctx;
  if (entity === 'demographics') {
    const missing = onProblem
      ? (p: number) =>
          onProblem(back(p), { field: 'sourcedId', problem: 'names no user of the roster' })
      : undefined;
    const counts = await writeDemographics(tx, records as MappedDemographics[], local, missing);
    return { ...counts, errors: errors + (counts.errors ?? 0) };
  }
  const outcome = await writeBatch(tx, ENTITY_TABLES[entity], records, local);
  if (entity === 'users')
    await writeStudents(tx, outcome.written as unknown as PlannedRow<MappedUser>[], ctx);
  return { ...outcome.counts, errors };
}
