import type { Viewer, ViewerRole } from './viewer.js';
import type {
  AccessAction,
  AccessDecision,
  AccessReason,
  AccessResource,
} from './access-resource.js';

/**
 * Which roles may attempt each action at all (FERPA 34 CFR 99.31(a)(1)(ii): legitimate
 * educational interest; checklist R4, R19). Scope is checked afterwards, per resource.
 * Unknown roles (`none`) appear nowhere: they get nothing.
 */
const ROLES_BY_ACTION: Record<AccessAction, readonly ViewerRole[]> = {
  'student.read': ['teacher', 'counselor', 'campus_admin', 'district_admin', 'student'],
  'whatif.run': ['teacher', 'counselor', 'campus_admin', 'district_admin', 'student'],
  'student.list': ['teacher', 'counselor', 'campus_admin', 'district_admin'],
  'class.read': ['teacher', 'counselor', 'campus_admin', 'district_admin'],
  'campus.read': ['counselor', 'campus_admin', 'district_admin'],
  'district.read': ['district_admin'],
  'certification.write': ['counselor', 'campus_admin', 'district_admin'],
  'admin.read': ['campus_admin', 'district_admin'],
  'admin.write': ['district_admin'],
  'audit.export': ['district_admin'],
  'data_request.run': ['district_admin'],
  'export.deidentified': ['district_admin'],
};

/** The resource kinds each action applies to; anything else is a programming mistake, denied. */
const KINDS_BY_ACTION: Record<AccessAction, readonly AccessResource['kind'][]> = {
  'student.read': ['student'],
  'whatif.run': ['student'],
  'certification.write': ['student'],
  'student.list': ['class', 'campus', 'district', 'own_scope'],
  'class.read': ['class'],
  'campus.read': ['campus'],
  'district.read': ['district'],
  'admin.read': ['campus', 'district'],
  'admin.write': ['district'],
  'audit.export': ['district'],
  'data_request.run': ['district', 'student'],
  'export.deidentified': ['district', 'campus'],
};

function decide(allowed: boolean, reason: AccessReason): AccessDecision {
  return { allowed, reason };
}

function overlaps(left: readonly string[], right: readonly string[]): boolean {
  return left.some((value) => right.includes(value));
}

function isCampusInScope(viewer: Viewer, campusOrgId: string | null): boolean {
  return campusOrgId !== null && viewer.scope.campusOrgIds.includes(campusOrgId);
}

/** Counselors see their caseload when they have one, otherwise their campuses. */
function isStudentInCounselorScope(
  viewer: Viewer,
  student: { personId: string; campusOrgId: string | null },
) {
  if (viewer.scope.caseloadPersonIds.length > 0) {
    return viewer.scope.caseloadPersonIds.includes(student.personId);
  }
  return isCampusInScope(viewer, student.campusOrgId);
}

function isStudentInScope(viewer: Viewer, resource: Extract<AccessResource, { kind: 'student' }>) {
  switch (viewer.role) {
    case 'teacher':
      return overlaps(resource.classSourcedIds, viewer.scope.classSourcedIds);
    case 'counselor':
      return isStudentInCounselorScope(viewer, resource);
    case 'campus_admin':
      return isCampusInScope(viewer, resource.campusOrgId);
    case 'student':
      return viewer.personId !== null && viewer.personId === resource.personId;
    default:
      return false;
  }
}

function isPopulationInScope(viewer: Viewer, resource: AccessResource): boolean {
  switch (resource.kind) {
    case 'own_scope':
      return true;
    case 'class':
      if (viewer.role === 'teacher')
        return viewer.scope.classSourcedIds.includes(resource.classSourcedId);
      return viewer.role !== 'student' && isCampusInScope(viewer, resource.campusOrgId);
    case 'campus':
      return viewer.role !== 'teacher' && isCampusInScope(viewer, resource.campusOrgId);
    default:
      return false;
  }
}

/**
 * Decides whether a viewer may perform an action on a resource: role first, then the tenant,
 * then the viewer's scope (teacher → own classes; counselor → caseload, else campus; campus
 * administrator → campus; district administrator → the whole district; student → self).
 * Pure: the same inputs always give the same decision.
 * @param viewer who is asking, as established by the launch session.
 * @param action what they want to do.
 * @param resource what it is aimed at, with the facts needed to decide.
 * @returns `{ allowed, reason }`; the reason is a stable code for logs and audit events.
 */
export function authorize(
  viewer: Viewer,
  action: AccessAction,
  resource: AccessResource,
): AccessDecision {
  if (viewer.role === 'none') return decide(false, 'role_none');
  if (resource.tenantId !== undefined && resource.tenantId !== viewer.tenantId) {
    return decide(false, 'tenant_mismatch');
  }
  if (!ROLES_BY_ACTION[action].includes(viewer.role))
    return decide(false, 'not_permitted_for_role');
  if (!KINDS_BY_ACTION[action].includes(resource.kind))
    return decide(false, 'resource_not_applicable');
  if (viewer.role === 'district_admin') return decide(true, 'district_admin');

  if (resource.kind === 'student') {
    if (!isStudentInScope(viewer, resource)) return decide(false, 'out_of_scope');
    return decide(true, viewer.role === 'student' ? 'self' : 'in_scope');
  }
  return isPopulationInScope(viewer, resource)
    ? decide(true, 'in_scope')
    : decide(false, 'out_of_scope');
}
