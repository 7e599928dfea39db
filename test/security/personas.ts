import type { Viewer } from '../../privacy/index.js';
import { makeViewer, type SeededDistrict } from '../privacy/support/seed-district.js';

/** The people the authorization matrix is checked for, against district `home`'s student a1. */
export type PersonaName =
  | 'teacher_of_class'
  | 'teacher_of_other_class'
  | 'counselor_of_campus'
  | 'counselor_of_other_campus'
  | 'counselor_with_caseload'
  | 'campus_admin'
  | 'campus_admin_of_other_campus'
  | 'district_admin'
  | 'admin_of_other_district'
  | 'student_self'
  | 'student_other'
  | 'unknown_role';

/**
 * Builds every persona. The target of every cell is student a1 (class A, campus A) of `home`;
 * `otherTenantId` is a second district whose administrator must see nothing of `home`.
 */
export function buildPersonas(
  home: SeededDistrict,
  otherTenantId: string,
): Record<PersonaName, Viewer> {
  const t = home.tenantId;
  return {
    teacher_of_class: makeViewer(t, 'teacher', { classSourcedIds: [home.classA] }, home.teacherA),
    teacher_of_other_class: makeViewer(
      t,
      'teacher',
      { classSourcedIds: [home.classB] },
      home.teacherB,
    ),
    counselor_of_campus: makeViewer(t, 'counselor', { campusOrgIds: [home.campusA] }),
    counselor_of_other_campus: makeViewer(t, 'counselor', { campusOrgIds: [home.campusB] }),
    counselor_with_caseload: makeViewer(t, 'counselor', {
      campusOrgIds: [home.campusA],
      caseloadPersonIds: [home.students.a2],
    }),
    campus_admin: makeViewer(t, 'campus_admin', { campusOrgIds: [home.campusA] }),
    campus_admin_of_other_campus: makeViewer(t, 'campus_admin', { campusOrgIds: [home.campusB] }),
    district_admin: makeViewer(t, 'district_admin'),
    admin_of_other_district: makeViewer(otherTenantId, 'district_admin'),
    student_self: makeViewer(t, 'student', {}, home.students.a1),
    student_other: makeViewer(t, 'student', {}, home.students.a2),
    unknown_role: makeViewer(t, 'none'),
  };
}

/** Personas allowed to read student a1's own record. */
export const MAY_READ_A1: readonly PersonaName[] = [
  'teacher_of_class',
  'counselor_of_campus',
  'campus_admin',
  'district_admin',
  'student_self',
];
