import { strict as assert } from 'node:assert';
import {
  aggregateCcmrRate,
  parametersFor,
  scaleComponent,
  type RosterEntry,
} from '../../calculators/index.js';

function roster(
  met: number,
  sunsetOnly: number,
  none: number,
  extra: RosterEntry[] = [],
): RosterEntry[] {
  return [
    ...Array.from({ length: met }, () => ({
      graduated: true,
      ccmr_met: true,
      sunsetting_only: false,
    })),
    ...Array.from({ length: sunsetOnly }, () => ({
      graduated: true,
      ccmr_met: true,
      sunsetting_only: true,
    })),
    ...Array.from({ length: none }, () => ({
      graduated: true,
      ccmr_met: false,
      sunsetting_only: false,
    })),
    ...extra,
  ];
}

describe('campus CCMR rate (DEN-SA, AGG-CAP, AGG-RATE, AGG-ROUND, AGG-ACUT)', () => {
  it('divides CCMR-met graduates by annual graduates', () => {
    const rate = aggregateCcmrRate(roster(9, 0, 1), parametersFor(2025));
    assert.equal(rate.annual_graduates, 10);
    assert.equal(rate.numerator, 9);
    assert.equal(rate.ccmr_rate_pct, 90);
    assert.equal(rate.component_score, 90);
    assert.equal(rate.meets_A_cut, true);
  });

  it('caps sunsetting-only graduates at max(5, 20 % of graduates)', () => {
    const rate = aggregateCcmrRate(roster(20, 8, 2), parametersFor(2024));
    assert.equal(rate.sunset_cap, 6);
    assert.equal(rate.numerator, 26);
    assert.equal(rate.ccmr_rate_pct, 86.7);
    assert.equal(rate.component_score, 87);
    assert.equal(rate.meets_A_cut, false);
  });

  it('uses the floor of five when 20 % is smaller', () => {
    const rate = aggregateCcmrRate(roster(5, 7, 8), parametersFor(2023));
    assert.equal(rate.sunset_cap, 5);
    assert.equal(rate.numerator, 10);
  });

  it('applies no cap in 2027', () => {
    const rate = aggregateCcmrRate(roster(5, 7, 8), parametersFor(2027));
    assert.equal(rate.sunset_cap, null);
    assert.equal(rate.numerator, 12);
  });

  it('leaves non-graduates out of Student Achievement but counts them in Closing the Gaps, uncapped', () => {
    const nonGraduate = {
      graduated: false,
      ccmr_met: true,
      sunsetting_only: false,
      in_closing_gaps_denominator: true,
    };
    const rate = aggregateCcmrRate(roster(5, 7, 8, [nonGraduate]), parametersFor(2025));
    assert.equal(rate.annual_graduates, 20);
    assert.deepEqual(rate.closing_gaps, { denominator: 21, numerator: 13, rate_pct: 61.9 });
  });

  it('rounds an exact half up: 1 of 8 is 12.5 %, component 13', () => {
    const rate = aggregateCcmrRate(roster(1, 0, 7), parametersFor(2025));
    assert.equal(rate.ccmr_rate_pct, 12.5);
    assert.equal(rate.component_score, 13);
  });

  it('meets the A cut at 88 and misses it at 87', () => {
    assert.equal(aggregateCcmrRate(roster(88, 0, 12), parametersFor(2025)).meets_A_cut, true);
    assert.equal(aggregateCcmrRate(roster(87, 0, 13), parametersFor(2025)).meets_A_cut, false);
  });

  it('returns no rate for a campus without graduates', () => {
    const rate = aggregateCcmrRate([], parametersFor(2025));
    assert.equal(rate.ccmr_rate_pct, null);
    assert.equal(rate.meets_A_cut, false);
  });
});

describe('component scaling (AGG-SCALE)', () => {
  const cuts = parametersFor(2025).aggregation.cut_scores;
  const rows: Array<[number, number, string]> = [
    [100, 100, 'A'],
    [88, 90, 'A'],
    [87, 89, 'B'],
    [78, 80, 'B'],
    [67, 70, 'C'],
    [56, 60, 'D'],
    [55, 59, 'F'],
    [0, 0, 'F'],
  ];
  for (const [raw, scaled, letter] of rows) {
    it(`maps a raw ${raw} to scaled ${scaled}, letter ${letter}`, () => {
      assert.deepEqual(scaleComponent(raw, cuts), { scaled, letter });
    });
  }
});
