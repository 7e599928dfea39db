import type { ViewerRole } from '../privacy/index.js';

/** The widgets a launch or a deep link may open (views/ serves them under /widgets/<name>). */
export const WIDGETS = [
  'student-card',
  'class-readiness',
  'campus-dashboard',
  'district-dashboard',
  'obm-monitor',
  'what-if',
  'ibc-tracker',
  'admin-console',
] as const;
export type WidgetName = (typeof WIDGETS)[number] | 'launch-summary';

/** Display names for the deep-linking picker. */
export const WIDGET_TITLES: Record<WidgetName, string> = {
  'student-card': 'Student readiness card',
  'class-readiness': 'Class readiness',
  'campus-dashboard': 'Campus dashboard',
  'district-dashboard': 'District dashboard',
  'obm-monitor': 'ECHS / P-TECH outcomes monitor',
  'what-if': 'What-if planner',
  'ibc-tracker': 'Industry-based certification tracker',
  'admin-console': 'Administration console',
  'launch-summary': 'Launch summary',
};

const ROLE_DEFAULTS: Record<ViewerRole, WidgetName> = {
  teacher: 'class-readiness',
  counselor: 'campus-dashboard',
  campus_admin: 'campus-dashboard',
  district_admin: 'district-dashboard',
  student: 'student-card',
  none: 'launch-summary',
};

/** Answers whether a name is a widget a launch may open. */
export function isWidgetName(name: unknown): name is WidgetName {
  return name === 'launch-summary' || (WIDGETS as readonly unknown[]).includes(name);
}

/**
 * The widget a launch opens: the one its target link names (`/widgets/<name>`), else the custom
 * parameter `widget` (deep-linked items carry it there, D2L wants launch URLs without query),
 * else the role's home widget.
 */
export function chooseWidget(
  targetLinkUri: string | null,
  custom: Record<string, string>,
  role: ViewerRole,
): WidgetName {
  const fromPath = targetLinkUri
    ? /\/widgets\/([a-z-]+)$/.exec(new URL(targetLinkUri).pathname)?.[1]
    : undefined;
  if (isWidgetName(fromPath)) return fromPath;
  if (isWidgetName(custom.widget)) return custom.widget;
  return ROLE_DEFAULTS[role];
}
