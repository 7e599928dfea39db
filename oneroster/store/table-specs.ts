import type { MappedAcademicSession } from '../mapping/map-academic-session.js';
import type { MappedClass } from '../mapping/map-class.js';
import type { MappedCourse } from '../mapping/map-course.js';
import type { MappedEnrollment } from '../mapping/map-enrollment.js';
import type { MappedOrg } from '../mapping/map-org.js';
import type { MappedUser } from '../mapping/map-user.js';
import type { MappedBase } from '../mapping/wire-fields.js';
import type { TenantCipher } from '../../store/index.js';
import type { ColumnType } from './write-context.js';

/** How the records of one entity land in one table. */
export interface TableSpec<R extends MappedBase> {
  table: string;
  /** Kind for cipher.rowId: the same sourcedId always gives the same row id. */
  idKind: string;
  /** resource type of audit events. */
  resourceType: string;
  /** Entity columns after the bookkeeping ones, with their SQL types. */
  columns: readonly ColumnType[];
  /** The entity column values of a record: from the record alone, so planned ahead of writes. */
  values(record: R, id: string, cipher: TenantCipher): unknown[];
}

export const orgTable: TableSpec<MappedOrg> = {
  table: 'orgs',
  idKind: 'org',
  resourceType: 'org',
  columns: [
    ['sourced_id', 'text'],
    ['org_type', 'text'],
    ['name', 'text'],
    ['identifier', 'text'],
    ['parent_sourced_id', 'text'],
    ['tea_number', 'text'],
  ],
  values: (o) => [o.sourcedId, o.orgType, o.name, o.identifier, o.parentSourcedId, o.teaNumber],
};

export const academicSessionTable: TableSpec<MappedAcademicSession> = {
  table: 'academic_sessions',
  idKind: 'academic_session',
  resourceType: 'academic_session',
  columns: [
    ['sourced_id', 'text'],
    ['title', 'text'],
    ['session_type', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['parent_sourced_id', 'text'],
    ['school_year', 'integer'],
  ],
  values: (s) => [
    s.sourcedId,
    s.title,
    s.sessionType,
    s.startDate,
    s.endDate,
    s.parentSourcedId,
    s.schoolYear,
  ],
};

export const courseTable: TableSpec<MappedCourse> = {
  table: 'courses',
  idKind: 'course',
  resourceType: 'course',
  columns: [
    ['sourced_id', 'text'],
    ['title', 'text'],
    ['course_code', 'text'],
    ['org_sourced_id', 'text'],
    ['subjects', 'text[]'],
  ],
  values: (c) => [c.sourcedId, c.title, c.courseCode, c.orgSourcedId, c.subjects],
};

export const classTable: TableSpec<MappedClass> = {
  table: 'classes',
  idKind: 'class',
  resourceType: 'class',
  columns: [
    ['sourced_id', 'text'],
    ['title', 'text'],
    ['class_code', 'text'],
    ['course_sourced_id', 'text'],
    ['school_sourced_id', 'text'],
    ['term_sourced_ids', 'text[]'],
  ],
  values: (c) => [
    c.sourcedId,
    c.title,
    c.classCode,
    c.courseSourcedId,
    c.schoolSourcedId,
    c.termSourcedIds,
  ],
};

export const enrollmentTable: TableSpec<MappedEnrollment> = {
  table: 'enrollments',
  idKind: 'enrollment',
  resourceType: 'enrollment',
  columns: [
    ['sourced_id', 'text'],
    ['class_sourced_id', 'text'],
    ['user_sourced_id', 'text'],
    ['school_sourced_id', 'text'],
    ['role', 'text'],
    ['is_primary', 'boolean'],
    ['begin_date', 'date'],
    ['end_date', 'date'],
  ],
  values: (e) => [
    e.sourcedId,
    e.classSourcedId,
    e.userSourcedId,
    e.schoolSourcedId,
    e.role,
    e.isPrimary,
    e.beginDate,
    e.endDate,
  ],
};

/**
 * The match key of a person for evidence files: family|given|YYYY-MM-DD, blind-indexed.
 * Exported so the demographics writer computes it the same way.
 */
export function nameBirthIndex(
  cipher: TenantCipher,
  family: string,
  given: string,
  birthDate: string | null,
): Buffer | null {
  return birthDate ? cipher.blindIndex('name_birth', `${family}|${given}|${birthDate}`) : null;
}

/**
 * People: every personal field encrypted and bound to its row; blind indexes for lookups. The
 * name+birth-date index needs the stored birth date, so `refreshNameBirthIndex` keeps it after
 * a person's names change.
 */
export const personTable: TableSpec<MappedUser> = {
  table: 'people',
  idKind: 'person',
  resourceType: 'person',
  columns: [
    ['sourced_id', 'text'],
    ['role', 'text'],
    ['given_name_enc', 'bytea'],
    ['family_name_enc', 'bytea'],
    ['email_enc', 'bytea'],
    ['email_bidx', 'bytea'],
    ['local_id_enc', 'bytea'],
    ['local_id_bidx', 'bytea'],
    ['state_id_enc', 'bytea'],
    ['state_id_bidx', 'bytea'],
    ['org_sourced_ids', 'text[]'],
    ['grades', 'text[]'],
  ],
  values(u, id, cipher) {
    const at = (column: string) => ({ table: 'people', column, rowId: id });
    return [
      u.sourcedId,
      u.role,
      cipher.encrypt(u.givenName, at('given_name_enc')),
      cipher.encrypt(u.familyName, at('family_name_enc')),
      cipher.encrypt(u.email, at('email_enc')),
      cipher.blindIndex('email', u.email),
      cipher.encrypt(u.localId, at('local_id_enc')),
      cipher.blindIndex('local_id', u.localId),
      cipher.encrypt(u.stateId, at('state_id_enc')),
      cipher.blindIndex('state_id', u.stateId),
      u.orgSourcedIds,
      u.grades,
    ];
  },
};
