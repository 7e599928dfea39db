/** LIS v2 role vocabularies used by LTI Core 1.3 Appendix A. */
const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
export const MEMBERSHIP = `${LIS}membership#`;
export const INSTITUTION = `${LIS}institution/person#`;
export const SYSTEM = `${LIS}system/person#`;

// Core §A.2.3.1: context roles may be sent by their short name ("Instructor").
const SHORT_CONTEXT_ROLES = new Set([
  'Administrator',
  'ContentDeveloper',
  'Instructor',
  'Learner',
  'Mentor',
  'Manager',
  'Member',
  'Officer',
]);

/**
 * Writes a role as its full URI: short context role names become membership URIs; anything
 * else is kept as sent.
 * @param role a value of the roles claim.
 * @returns the full role URI.
 */
export function normaliseRole(role: string): string {
  return SHORT_CONTEXT_ROLES.has(role) ? `${MEMBERSHIP}${role}` : role;
}

/**
 * Answers whether a role is a context role (Core §A.2.2), including sub-roles such as
 * `membership/Instructor#TeachingAssistant`.
 * @param role a value of the roles claim.
 * @returns true for a role that only has meaning within a context.
 */
export function isContextRole(role: string): boolean {
  const full = normaliseRole(role);
  return full.startsWith(MEMBERSHIP) || full.startsWith(`${LIS}membership/`);
}
