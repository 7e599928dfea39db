import type { YearParameters } from '../parameters/year-parameters.js';

/** An A–F letter. */
export type Letter = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * AGG-SCALE: maps a raw CCMR component score to the 0–100 scaled score by straight lines
 * between the anchors (0→0), (D→60), (C→70), (B→80), (A→90), (100→100) [U: method inferred],
 * and gives the letter the raw score earns (AGG-ACUT; B/C/D cuts [U]).
 *
 * @param raw - the component score, 0–100.
 * @param cuts - the year's cut scores.
 * @returns the scaled score (whole number, half up [U]) and the letter.
 * @example scaleComponent(88, { A: 88, B: 78, C: 67, D: 56 }) // { scaled: 90, letter: 'A' }
 */
export function scaleComponent(
  raw: number,
  cuts: YearParameters['aggregation']['cut_scores'],
): { scaled: number; letter: Letter } {
  const anchors: Array<[number, number]> = [
    [0, 0],
    [cuts.D, 60],
    [cuts.C, 70],
    [cuts.B, 80],
    [cuts.A, 90],
    [100, 100],
  ];
  let scaled = 100;
  for (let i = 1; i < anchors.length; i += 1) {
    const [hiRaw, hiScaled] = anchors[i];
    if (raw > hiRaw) continue;
    const [loRaw, loScaled] = anchors[i - 1];
    scaled = loScaled + ((raw - loRaw) * (hiScaled - loScaled)) / (hiRaw - loRaw);
    break;
  }
  // Nudged by a tiny epsilon so 91.5 stored as 91.49999… still rounds up.
  return { scaled: Math.floor(scaled + 0.5 + 1e-9), letter: letterFor(raw, cuts) };
}

function letterFor(raw: number, cuts: YearParameters['aggregation']['cut_scores']): Letter {
  if (raw >= cuts.A) return 'A';
  if (raw >= cuts.B) return 'B';
  if (raw >= cuts.C) return 'C';
  if (raw >= cuts.D) return 'D';
  return 'F';
}
