/**
 * The access policy as the widgets use it. Every check and every audit of a read goes through
 * the privacy module; this file is the one place the widgets import it from.
 */
export {
  authorize,
  assertAuthorized,
  auditRead,
  loadStudentResource,
  requireAccess,
  visibleStudentIds,
} from '../../privacy/index.js';
export type { ResourceSource, Viewer } from '../../privacy/index.js';
