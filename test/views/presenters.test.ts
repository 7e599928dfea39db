import assert from 'node:assert/strict';
import { renderBarChart } from '../../views/charts/bar-chart.js';
import { escapeFormula, renderCsv } from '../../views/export/student-list-export.js';
import { maskCount, maskCountFamily, maskRate } from '../../views/sources/mask-figures.js';
import { classifyGap } from '../../views/presenters/gap-group.js';
import { evaluateStudent } from '../../calculators/index.js';

describe('widget presenters and exports', () => {
  it('masks a rate over one to four students and marks an empty one', () => {
    assert.deepEqual(maskRate(100, 4), { value: null, mask: '*' });
    assert.deepEqual(maskRate(null, 0), { value: null, mask: '–' });
    assert.deepEqual(maskRate(60, 5), { value: 60, mask: null });
  });

  it('masks counts of one to four but not zero', () => {
    assert.deepEqual(maskCount(0), { value: 0, mask: null });
    assert.deepEqual(maskCount(3), { value: null, mask: '*' });
    assert.deepEqual(maskCount(12), { value: 12, mask: null });
  });

  it('masks a second gap group when only one would be hidden, so subtraction cannot reveal it', () => {
    const shown = maskCountFamily([12, 3, 9, 20]);
    assert.deepEqual(
      shown.map((f) => f.mask),
      [null, '*', '*', null],
    );
  });

  it('neutralises spreadsheet formulas in exported cells', () => {
    assert.equal(escapeFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(escapeFormula('-2+3'), `'-2+3`);
    assert.equal(escapeFormula('Garza, Ana'), 'Garza, Ana');
    const csv = renderCsv(
      ['name'],
      [{ name: '@cmd', graduationYear: 2026, status: 'Met', credited: '', group: 'x' }],
    );
    assert.match(csv, /'@cmd/);
  });

  it('escapes every text it writes into a chart', () => {
    const svg = renderBarChart({
      id: 'c',
      title: '<script>',
      description: 'a & b',
      bars: [{ label: '"><img>', value: 50 }],
      seriesLabels: ['now'],
    });
    assert.doesNotMatch(svg, /<script>|<img>/);
    assert.match(svg, /role="img"/);
  });

  it('sorts a student who met TSI reading but not math into "needs TSI math only"', () => {
    const result = evaluateStudent({
      accountability_year: 2025,
      graduated: true,
      graduation_date: '2024-05-24',
      sat: [{ date: '2023-10-07', ebrw: 520, math: 450 }],
    });
    assert.equal(classifyGap(result), 'tsi_math_only');
  });

  it('sorts a certification earned without the program of study into its own group', () => {
    const result = evaluateStudent({
      accountability_year: 2027,
      graduated: true,
      graduation_date: '2026-05-29',
      grade9_start_date: '2022-08-15',
      ibc_earned: [
        {
          code: 'IBC-D',
          lists: ['2022-2025'],
          earned_date: '2025-04-01',
          result_code: '01',
          aligned_pos_status: 'concentrator',
        },
      ],
    });
    assert.equal(classifyGap(result), 'ibc_without_pos');
  });
});
