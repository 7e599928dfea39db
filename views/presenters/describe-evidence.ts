import type { Evidence } from '../../calculators/index.js';

/**
 * A short, language-neutral description of the evidence that decided a rule: instrument,
 * field, value and the cut it is compared with, e.g. `sat · ebrw 460 / 480`.
 *
 * @param evidence - the deciding evidence, or null.
 * @returns the description, or null when there is no evidence.
 */
export function describeEvidence(evidence: Evidence | null | undefined): string | null {
  if (!evidence) return null;
  const parts: string[] = [evidence.source];
  if (evidence.subject) parts.push(evidence.subject);
  if (evidence.code) parts.push(evidence.code);
  const measure = [evidence.field, evidence.value].filter((p) => p !== undefined).join(' ');
  const withCut = evidence.cut === undefined ? measure : `${measure} / ${evidence.cut}`;
  if (withCut !== '') parts.push(withCut);
  return parts.join(' · ');
}
