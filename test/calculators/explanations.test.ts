import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  INDICATOR_IDS,
  OBM_TABLES,
  computeObm,
  evaluateStudent,
  type StudentRecord,
} from '../../calculators/index.js';

const examples = JSON.parse(
  readFileSync(new URL('./fixtures/examples.json', import.meta.url), 'utf8'),
) as {
  student_cases: Array<{ id: string; inputs: StudentRecord }>;
};

describe('explanations', () => {
  for (const example of examples.student_cases) {
    it(`explains every indicator of case ${example.id} with its rule ID, and credited ones with evidence`, () => {
      const result = evaluateStudent(example.inputs);
      const explained = result.explanations.indicators.map((item) => item.indicator);
      assert.deepEqual(explained, [...INDICATOR_IDS]);
      for (const item of result.explanations.indicators) {
        assert.match(item.rule_id, /^[A-Z]+(-[A-Z0-9]+)+$/);
        assert.equal(item.is_met, result.credited_indicators.includes(item.indicator));
        if (item.is_met)
          assert.notEqual(item.evidence, null, `${item.indicator} credited without evidence`);
      }
      assert.equal(result.explanations.outcomes_bonus.length, example.inputs.graduated ? 3 : 1);
    });
  }

  it('names the certificate, date and POS status that kept an IBC from counting', () => {
    const example = examples.student_cases.find((c) => c.id === 'S34');
    const ibc = evaluateStudent(example!.inputs).explanations.indicators.find(
      (i) => i.indicator === 'CAR-IBC',
    );
    assert.equal(ibc?.rule_id, 'CAR-IBC-POS');
    assert.deepEqual(ibc?.evidence, {
      source: 'ibc_earned',
      code: 'IBC-D',
      date: '2025-04-01',
      field: 'aligned_pos_status',
      value: 'concentrator',
      cut: 'completer',
    });
  });
});

describe('every OBM table, at the target and just below', () => {
  for (const table of OBM_TABLES) {
    const indicator = table.indicators.find((item) =>
      Object.values(item.targets).some(
        (target) => target !== undefined && 'min_pct' in target && target.also === undefined,
      ),
    );
    if (indicator === undefined) continue;
    const [level, target] = Object.entries(indicator.targets).find(
      ([, t]) => t !== undefined && 'min_pct' in t && t.also === undefined,
    ) as [string, { input: string; min_pct: number }];
    it(`${table.rule_id} (${table.version}): ${indicator.key} at ${target.min_pct} % meets ${level}, just below does not`, () => {
      const request = { program: table.program, domain: table.domain, version: table.version };
      const at = computeObm({
        ...request,
        indicators: { [target.input]: [target.min_pct * 10, 1000] },
      });
      const below = computeObm({
        ...request,
        indicators: { [target.input]: [target.min_pct * 10 - 1, 1000] },
      });
      assert.equal(at?.indicators[indicator.key][level], true);
      assert.equal(below?.indicators[indicator.key][level], false);
    });
  }
});
