import type { AccessAction } from '../../privacy/index.js';
import type { PersonaName } from './personas.js';

/**
 * The authorization matrix: one row per route the application answers. The matrix test walks
 * the Express router and fails for a route with no row here (and for a row with no route).
 *
 * - `public`: reachable without a launch session (health, LTI protocol endpoints, assets).
 * - `demo`: mounted only when the demo is enabled.
 * - `own_launch`: serves only the session's own launch (summary, deep-link return); takes no
 *   student, class or campus parameter. Checked: no session → 401.
 * - `policy`: guarded by the access policy. `target` builds the request for the matrix target
 *   (a student of campus A); `resource` says what the policy is asked about. Every persona's
 *   cell is checked over real HTTP: allowed by the policy → `allowStatuses` (default 200);
 *   refused → 403 or 404, or a 200 page of the viewer's own content that carries none of the
 *   target's data (a learner's card is always their own). `widgetRoles` narrows the roles further when the
 *   widget is not open to every role the policy allows (function-level gate, views/widget-catalogue).
 */
export type RouteRule =
  | { access: 'public' }
  | { access: 'demo' }
  | { access: 'own_launch' }
  | {
      access: 'policy';
      action: AccessAction;
      resource: 'target_student' | 'target_campus' | 'own_district' | 'own_scope';
      request: (target: MatrixTarget) => { path: string; form?: Record<string, string> };
      allowStatuses?: number[];
      /** Personas the widget refuses although the policy would allow them. */
      refusedByWidget?: PersonaName[];
    };

/** What the cells aim at: a student of campus A in one class section. */
export interface MatrixTarget {
  studentId: string;
  campusOrgId: string;
}

const TEACHERS: PersonaName[] = ['teacher_of_class', 'teacher_of_other_class'];
const COUNSELORS: PersonaName[] = ['counselor_of_campus', 'counselor_of_other_campus'];
const ADMINS: PersonaName[] = [
  'campus_admin',
  'campus_admin_of_other_campus',
  'district_admin',
  'admin_of_other_district',
];

export const ROUTE_MATRIX: Record<string, RouteRule> = {
  'GET /healthz': { access: 'public' },
  'GET /readyz': { access: 'public' },
  'STATIC /lti/assets': { access: 'public' },
  'STATIC /static': { access: 'public' },
  'GET /lti/jwks': { access: 'public' },
  'GET /lti/manifest.json': { access: 'public' },
  'GET /lti/register': { access: 'public' },
  'GET /lti/login': { access: 'public' },
  'POST /lti/login': { access: 'public' },
  'POST /lti/launch': { access: 'public' },
  'POST /lti/launch/resume': { access: 'public' },
  'GET /demo': { access: 'demo' },
  'GET /demo/launch': { access: 'demo' },
  'GET /demo/launch/:role': { access: 'demo' },
  'APP /demo/platform': { access: 'demo' },
  'GET /lti/deep-link': { access: 'own_launch' },
  'POST /lti/deep-link': { access: 'own_launch' },
  'GET /widgets/launch-summary': { access: 'own_launch' },
  'GET /widgets/student-card': {
    access: 'policy',
    action: 'student.read',
    resource: 'target_student',
    request: (t) => ({ path: `/widgets/student-card?student=${t.studentId}` }),
  },
  'GET /widgets/class-readiness': {
    access: 'policy',
    action: 'student.list',
    resource: 'own_scope',
    request: () => ({ path: '/widgets/class-readiness' }),
    refusedByWidget: [...COUNSELORS, ...ADMINS],
  },
  'GET /widgets/campus-dashboard': {
    access: 'policy',
    action: 'campus.read',
    resource: 'target_campus',
    request: (t) => ({ path: `/widgets/campus-dashboard?campus=${t.campusOrgId}` }),
  },
  'GET /widgets/obm-monitor': {
    access: 'policy',
    action: 'campus.read',
    resource: 'target_campus',
    request: (t) => ({ path: `/widgets/obm-monitor?campus=${t.campusOrgId}` }),
    refusedByWidget: COUNSELORS,
  },
  'GET /widgets/what-if': {
    access: 'policy',
    action: 'campus.read',
    resource: 'target_campus',
    request: (t) => ({ path: `/widgets/what-if?campus=${t.campusOrgId}` }),
  },
  'POST /widgets/what-if': {
    access: 'policy',
    action: 'campus.read',
    resource: 'target_campus',
    request: (t) => ({ path: `/widgets/what-if?campus=${t.campusOrgId}`, form: {} }),
    allowStatuses: [200, 303, 400],
  },
  'GET /widgets/ibc-tracker': {
    access: 'policy',
    action: 'student.list',
    resource: 'own_scope',
    request: () => ({ path: '/widgets/ibc-tracker' }),
    refusedByWidget: TEACHERS,
  },
  'GET /widgets/district-dashboard': {
    access: 'policy',
    action: 'district.read',
    resource: 'own_district',
    request: () => ({ path: '/widgets/district-dashboard' }),
  },
  'GET /widgets/admin-console': {
    access: 'policy',
    action: 'admin.read',
    resource: 'own_district',
    request: () => ({ path: '/widgets/admin-console' }),
  },
};
