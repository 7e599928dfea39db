/**
 * Who is looking, as established by an LTI launch (or an operator on the CLI). Every read of
 * student data is decided from this and nothing else: never from request parameters.
 */
export type ViewerRole =
  | 'teacher'
  | 'counselor'
  | 'campus_admin'
  | 'district_admin'
  | 'student'
  /** Unknown or unmapped LTI roles: sees nothing of student data. */
  | 'none';

export interface ViewerScope {
  /** Internal ids (orgs.id) of the campuses the viewer works at (counselor, campus_admin). */
  campusOrgIds: string[];
  /** OneRoster sourcedIds of the classes the viewer teaches (teacher). */
  classSourcedIds: string[];
  /** Internal ids (people.id) of the students on the viewer's caseload (counselor), if any. */
  caseloadPersonIds: string[];
}

export interface Viewer {
  tenantId: string;
  role: ViewerRole;
  /** Internal people.id of the viewer when the roster knows them; null otherwise. */
  personId: string | null;
  /** Internal id of the launch session, carried into audit events. */
  launchId: string | null;
  scope: ViewerScope;
  /** Preferred language from the launch (`en` or `es`). */
  locale: 'en' | 'es';
}
