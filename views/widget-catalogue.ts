import type { ViewerRole } from '../privacy/viewer.js';

/** The widget names: each is a route `/widgets/<name>`, a launch target and a deep-link choice. */
export const WIDGET_NAMES = [
  'student-card',
  'class-readiness',
  'campus-dashboard',
  'district-dashboard',
  'obm-monitor',
  'what-if',
  'ibc-tracker',
  'admin-console',
] as const;

export type WidgetName = (typeof WIDGET_NAMES)[number];

/**
 * Which roles may open each widget. This is the coarse, function-level gate; which students a
 * permitted viewer then sees is decided by the access policy's scope (object level).
 */
export const WIDGET_ROLES: Record<WidgetName, readonly ViewerRole[]> = {
  'student-card': ['student', 'teacher', 'counselor', 'campus_admin', 'district_admin'],
  'class-readiness': ['teacher'],
  'campus-dashboard': ['counselor', 'campus_admin', 'district_admin'],
  'district-dashboard': ['district_admin'],
  'obm-monitor': ['campus_admin', 'district_admin'],
  'what-if': ['counselor', 'campus_admin', 'district_admin'],
  'ibc-tracker': ['counselor', 'campus_admin', 'district_admin'],
  'admin-console': ['district_admin'],
};

/**
 * Answers whether a role may open a widget.
 *
 * @param role - the viewer's role.
 * @param widget - the widget name.
 * @returns true when the role is listed for the widget.
 */
export function isWidgetOpenTo(role: ViewerRole, widget: WidgetName): boolean {
  return WIDGET_ROLES[widget].includes(role);
}

/**
 * The widgets a role may open, in menu order.
 *
 * @param role - the viewer's role.
 * @returns widget names.
 */
export function listWidgetsFor(role: ViewerRole): WidgetName[] {
  return WIDGET_NAMES.filter((name) => isWidgetOpenTo(role, name));
}
