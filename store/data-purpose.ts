/**
 * Why the product may process a district's student data (privacy-checklist.md R1; FERPA
 * 34 CFR 99.33(a)(2): data may be used only for the purposes of the disclosure). A closed list:
 * every background job and every access-policy action declares one, and the type system refuses
 * a job or an action without it.
 *
 * - `deliver_service`: the service the district contracted (readiness, rosters, write-back).
 * - `lea_requested`: something the district asked for by name (a data request, an export).
 * - `security_integrity`: keeping the service and its records secure and correct (audit search,
 *   expiry of sessions).
 * - `legal_compliance`: what the law or the data agreement requires (retention, deletion).
 * - `deidentified_research`: de-identified aggregates only.
 */
export const DATA_PURPOSES = [
  'deliver_service',
  'lea_requested',
  'security_integrity',
  'legal_compliance',
  'deidentified_research',
] as const;

export type DataPurpose = (typeof DATA_PURPOSES)[number];
