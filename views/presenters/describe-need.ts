import type { MissingPiece } from '../../calculators/index.js';
import { translate, type Locale } from '../render/string-catalogue.js';

/** TSI rules whose requirement is an instrument, a section and a score: the same in any language. */
const SCORE_RULES = new Set(['TSI-SAT', 'TSI-ACT-NEW', 'TSI-ACT', 'TSI-TSIA1']);

/**
 * What a missing piece needs, in the viewer's language. The calculators word each requirement
 * in English; in Spanish a score requirement keeps its instrument and cut (`SAT EBRW ≥ 480`)
 * and every other requirement is said by its kind from the string catalogue.
 *
 * @param piece - the missing piece.
 * @param locale - the viewer's language.
 * @returns the requirement and the best value so far, ready to show.
 */
export function describeNeed(
  piece: MissingPiece,
  locale: Locale,
): { needs: string; bestSoFar: string | null } {
  const best = piece.best_so_far === null ? null : String(piece.best_so_far);
  if (locale === 'en') return { needs: piece.needs, bestSoFar: best };
  const isScore = SCORE_RULES.has(piece.rule_id);
  return {
    needs: isScore ? piece.needs : translate(locale, `need.${piece.part}`),
    bestSoFar: typeof piece.best_so_far === 'number' ? best : null,
  };
}
