import { strict as assert } from 'node:assert';
import { computeObm } from '../../calculators/index.js';

describe('ECHS and P-TECH outcomes-based measures (OBM-CALC)', () => {
  it('meets a share target exactly at the target and misses just below', () => {
    const at = computeObm({
      program: 'ECHS',
      domain: 'attainment',
      version: 'current',
      indicators: { credits9_by_end_g10: [30, 100] },
    });
    const below = computeObm({
      program: 'ECHS',
      domain: 'attainment',
      version: 'current',
      indicators: { credits9_by_end_g10: [299, 1000] },
    });
    assert.equal(at?.indicators.credits9_by_end_g10.designated, true);
    assert.equal(below?.indicators.credits9_by_end_g10.designated, false);
  });

  it('compares the graduation rate with the state in points: within 5 meets Designated, above meets Distinction', () => {
    const result = computeObm({
      program: 'PTECH',
      domain: 'achievement',
      version: 'current',
      indicators: { graduation_rate_4yr: [85, 100, 90] },
    });
    assert.equal(result?.indicators.graduation_rate_4yr.designated, true);
    assert.equal(result?.indicators.graduation_rate_4yr.distinction, false);
    const below = computeObm({
      program: 'PTECH',
      domain: 'achievement',
      version: 'current',
      indicators: { graduation_rate_4yr: [84, 100, 90] },
    });
    assert.equal(below?.indicators.graduation_rate_4yr.designated, false);
  });

  it('needs the named indicators for a 2020 ECHS Provisional attainment', () => {
    const result = computeObm({
      program: 'ECHS',
      domain: 'attainment',
      version: '2020',
      indicators: {
        persistence_into_fall_g12: [70, 100],
        credits9_by_end_g10: [35, 100],
        credits15_by_graduation: [49, 100],
      },
    });
    assert.equal(result?.provisional_required, 3);
    assert.equal(result?.provisional_met, false);
    assert.equal(result?.indicators.core42_by_graduation.provisional, null);
  });

  it('needs both Meets and Masters shares for the 2020 ECHS Algebra I Distinction', () => {
    const base = {
      algebra1_approaches_by_end_g9: [90, 100] as [number, number],
      algebra1_meets_by_end_g9: [60, 100] as [number, number],
    };
    const without = computeObm({
      program: 'ECHS',
      domain: 'achievement',
      version: '2020',
      indicators: { ...base, algebra1_masters_by_end_g9: [39, 100] },
    });
    const withMasters = computeObm({
      program: 'ECHS',
      domain: 'achievement',
      version: '2020',
      indicators: { ...base, algebra1_masters_by_end_g9: [40, 100] },
    });
    assert.equal(without?.indicators.algebra1_by_end_g9.distinction, false);
    assert.equal(withMasters?.indicators.algebra1_by_end_g9.distinction, true);
    assert.equal(withMasters?.indicators.algebra1_by_end_g9.early_college, true);
  });

  it('uses the 2020 P-TECH access table for the current version, compared with the district in points', () => {
    const result = computeObm({
      program: 'PTECH',
      domain: 'access',
      version: 'current',
      indicators: { at_risk_incoming_g9: [40, 100, 60], econ_disadv: [50, 100, 60] },
    });
    assert.equal(result?.rule_id, 'OBM-PT-ACC');
    assert.equal(result?.indicators.at_risk_incoming_g9.provisional, true);
    assert.equal(result?.indicators.at_risk_incoming_g9.designated, false);
    assert.equal(result?.indicators.econ_disadv.provisional, true);
    assert.equal(result?.provisional_met, true);
  });

  it('treats a missing input as not met', () => {
    const result = computeObm({
      program: 'ECHS',
      domain: 'achievement',
      version: 'current',
      indicators: {},
    });
    assert.equal(result?.designated_indicators_met, 0);
    assert.equal(result?.designated_met, false);
  });
});
