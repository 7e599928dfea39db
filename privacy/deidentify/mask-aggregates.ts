/**
 * Small-number masking of aggregate rates as TEA publishes them (privacy-checklist.md R27; TEA
 * TAPR masking rules): a denominator of 1–4 is masked as `*`; a zero denominator shows `–` and is
 * not masked; when only one group of a family (the groups that add up to a published total, e.g.
 * the racial/ethnic groups of a campus) is masked, the next-smallest group is masked too, so the
 * masked value cannot be recovered by subtraction; counts of sensitive outcomes below 10 are
 * masked; 0% and 100% show as `<1%` and `>99%`. Pure: no I/O, no throwing.
 */

/** One cell: a numerator out of a denominator, e.g. CCMR-ready graduates out of graduates. */
export interface AggregateGroup {
  key: string;
  numerator: number;
  denominator: number;
  /** Groups sharing a family add up to a published total; complementary masking applies. */
  family?: string;
  /** A sensitive outcome (failures, withdrawals): small numerators are masked as well. */
  isSensitive?: boolean;
}

export type MaskReason =
  | 'small_denominator'
  | 'sensitive_numerator'
  | 'complementary'
  | 'zero_denominator'
  | 'extreme_rate';

/** A cell as it may be published: masked values are null; `display` is what to print. */
export interface MaskedGroup {
  key: string;
  family: string | null;
  numerator: number | null;
  denominator: number | null;
  /** Whole percent, or null when masked, bounded or undefined. */
  ratePercent: number | null;
  display: string;
  isMasked: boolean;
  reason: MaskReason | null;
}

/** The thresholds, from the district's contract parameters (defaults: TEA's). */
export interface MaskingRules {
  /** Denominators from 1 to minCellSize − 1 are masked. */
  minCellSize: number;
  /** Sensitive numerators from 1 to sensitiveNumeratorMin − 1 are masked. */
  sensitiveNumeratorMin: number;
}

/** TEA's thresholds: denominators 1–4 and sensitive counts 1–9 are masked. */
export const TEA_MASKING_RULES: Readonly<MaskingRules> = Object.freeze({
  minCellSize: 5,
  sensitiveNumeratorMin: 10,
});

function masked(group: AggregateGroup, reason: MaskReason): MaskedGroup {
  return {
    key: group.key,
    family: group.family ?? null,
    numerator: null,
    denominator: null,
    ratePercent: null,
    display: '*',
    isMasked: true,
    reason,
  };
}

function primaryReason(group: AggregateGroup, rules: MaskingRules): MaskReason | null {
  if (group.denominator > 0 && group.denominator < rules.minCellSize) return 'small_denominator';
  if (group.isSensitive && group.numerator > 0 && group.numerator < rules.sensitiveNumeratorMin) {
    return 'sensitive_numerator';
  }
  return null;
}

/** Publishes an unmasked cell; 0% and 100% become bounds, as TEA's accountability reports do. */
function published(group: AggregateGroup): MaskedGroup {
  const base = { key: group.key, family: group.family ?? null, isMasked: false };
  if (group.denominator === 0) {
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      ratePercent: null,
      display: '–',
      reason: 'zero_denominator',
    };
  }
  const exact = (100 * group.numerator) / group.denominator;
  if (group.numerator === 0 || group.numerator === group.denominator) {
    const display = group.numerator === 0 ? '<1%' : '>99%';
    return {
      ...base,
      numerator: null,
      denominator: group.denominator,
      ratePercent: null,
      display,
      reason: 'extreme_rate',
    };
  }
  const ratePercent = Math.min(99, Math.max(1, Math.round(exact)));
  return {
    ...base,
    numerator: group.numerator,
    denominator: group.denominator,
    ratePercent,
    display: `${ratePercent}%`,
    reason: null,
  };
}

/** In each family with exactly one masked cell, masks the next-smallest non-empty cell. */
function maskComplements(
  groups: readonly AggregateGroup[],
  reasons: Array<MaskReason | null>,
): void {
  const families = new Set(groups.map((g) => g.family).filter((f): f is string => f !== undefined));
  for (const family of families) {
    const members = groups
      .map((group, index) => ({ group, index }))
      .filter((m) => m.group.family === family);
    if (members.filter((m) => reasons[m.index] !== null).length !== 1) continue;
    const candidates = members
      .filter((m) => reasons[m.index] === null && m.group.denominator > 0)
      .sort(
        (a, b) =>
          a.group.denominator - b.group.denominator || a.group.key.localeCompare(b.group.key),
      );
    if (candidates[0]) reasons[candidates[0].index] = 'complementary';
  }
}

/**
 * Masks a list of aggregate cells for publication (widgets, CSV, PDF and API alike).
 * @param groups the cells, with their family for complementary masking.
 * @param rules the thresholds (the district's contract parameters; TEA's by default).
 * @returns one published cell per input cell, in the same order.
 * @example maskAggregates([{ key: 'all', numerator: 4, denominator: 4 }])[0].display // '*'
 */
export function maskAggregates(
  groups: readonly AggregateGroup[],
  rules: MaskingRules = TEA_MASKING_RULES,
): MaskedGroup[] {
  const reasons = groups.map((group) => primaryReason(group, rules));
  maskComplements(groups, reasons);
  return groups.map((group, index) => {
    const reason = reasons[index];
    return reason ? masked(group, reason) : published(group);
  });
}
