/**
 * The widgets: server-rendered pages under `/widgets/` that an LMS or SIS embeds after an LTI
 * launch, each scoped by the access policy, plus their static files under `/static/`.
 */
export { mountViewRoutes } from './mount-view-routes.js';
export { WIDGET_NAMES, WIDGET_ROLES, isWidgetOpenTo, listWidgetsFor } from './widget-catalogue.js';
export type { WidgetName } from './widget-catalogue.js';
