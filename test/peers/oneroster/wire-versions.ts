import type { Entity, WireRecord } from './district-generator.js';

/** OneRoster 1.1 has one role per user; the 1.2 roles it lacks are served as `administrator`. */
const ROLE_1P1: Record<string, string> = {
  student: 'student',
  teacher: 'teacher',
  aide: 'aide',
  counselor: 'administrator',
  principal: 'administrator',
  siteAdministrator: 'administrator',
  districtAdministrator: 'administrator',
};

const DEMOGRAPHIC_FLAGS = [
  'americanIndianOrAlaskaNative',
  'asian',
  'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander',
  'white',
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
];

/** Prefixes every reference's href with the version's base URL. */
function withHrefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withHrefs(v, base));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = key === 'href' && typeof v === 'string' ? `${base}/${v}` : withHrefs(v, base);
    }
    return out;
  }
  return value;
}

/**
 * The record as a provider of `version` serves it. 1.1 (JSON binding of 1.1 final): booleans as
 * the strings "true"/"false", a single `role` and an `orgs` list on users.
 */
export function toWireVersion(
  entity: Entity,
  record: WireRecord,
  version: '1.1' | '1.2',
  base: string,
): WireRecord {
  const linked = withHrefs(record, base) as WireRecord;
  if (version === '1.2') return linked;
  const out: Record<string, unknown> = { ...linked };
  if (entity === 'users') {
    const roles = (linked.roles as Array<{ role: string; org: unknown }>) ?? [];
    out.role = ROLE_1P1[roles[0]?.role ?? ''] ?? 'administrator';
    out.orgs = roles.map((r) => r.org);
    out.enabledUser = String(linked.enabledUser);
    delete out.roles;
    delete out.primaryOrg;
  }
  if (entity === 'enrollments') out.primary = String(linked.primary);
  if (entity === 'demographics') {
    for (const flag of DEMOGRAPHIC_FLAGS) if (flag in out) out[flag] = String(out[flag]);
  }
  return out as WireRecord;
}
