import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkKAnonymity, maskAggregates, type AggregateGroup } from '../../privacy/index.js';

function displays(groups: AggregateGroup[]): string[] {
  return maskAggregates(groups).map((cell) => cell.display);
}

describe('small-number masking (TEA rules)', () => {
  it('masks a denominator of 1 to 4 and hides both counts (4/4 → *)', () => {
    const [cell] = maskAggregates([{ key: 'all', numerator: 4, denominator: 4 }]);
    assert.deepEqual(
      {
        display: cell!.display,
        numerator: cell!.numerator,
        denominator: cell!.denominator,
        reason: cell!.reason,
      },
      { display: '*', numerator: null, denominator: null, reason: 'small_denominator' },
    );
    assert.deepEqual(
      displays([1, 2, 3].map((d) => ({ key: `d${d}`, numerator: 1, denominator: d }))),
      ['*', '*', '*'],
    );
  });

  it('shows a zero denominator as a dash, unmasked (0/0 → –)', () => {
    const [cell] = maskAggregates([{ key: 'none', numerator: 0, denominator: 0 }]);
    assert.equal(cell!.display, '–');
    assert.equal(cell!.isMasked, false);
  });

  it('publishes a denominator of 5 or more as a whole percent', () => {
    assert.deepEqual(displays([{ key: 'a', numerator: 3, denominator: 7 }]), ['43%']);
  });

  it('masks a sensitive count below 10 (attrition 2/199 → *)', () => {
    const [cell] = maskAggregates([
      { key: 'attrition', numerator: 2, denominator: 199, isSensitive: true },
    ]);
    assert.equal(cell!.display, '*');
    assert.equal(cell!.reason, 'sensitive_numerator');
  });

  it('shows 0% and 100% as bounds without the numerator', () => {
    const cells = maskAggregates([
      { key: 'none', numerator: 0, denominator: 20 },
      { key: 'all', numerator: 20, denominator: 20 },
    ]);
    assert.deepEqual(
      cells.map((c) => [c.display, c.numerator]),
      [
        ['<1%', null],
        ['>99%', null],
      ],
    );
  });

  it('never rounds a partial rate to 0% or 100%', () => {
    assert.deepEqual(
      displays([
        { key: 'low', numerator: 1, denominator: 400 },
        { key: 'high', numerator: 399, denominator: 400 },
      ]),
      ['1%', '99%'],
    );
  });

  it('masks the next-smallest group of a family when only one group is masked', () => {
    const cells = maskAggregates([
      { key: 'hispanic', family: 'ethnicity', numerator: 30, denominator: 60 },
      { key: 'white', family: 'ethnicity', numerator: 10, denominator: 25 },
      { key: 'asian', family: 'ethnicity', numerator: 2, denominator: 3 },
      { key: 'black', family: 'ethnicity', numerator: 6, denominator: 12 },
    ]);
    assert.deepEqual(
      cells.map((c) => [c.key, c.display, c.reason]),
      [
        ['hispanic', '50%', null],
        ['white', '40%', null],
        ['asian', '*', 'small_denominator'],
        ['black', '*', 'complementary'],
      ],
    );
  });

  it('adds no complementary mask when two groups of the family are already masked', () => {
    assert.deepEqual(
      displays([
        { key: 'a', family: 'f', numerator: 1, denominator: 2 },
        { key: 'b', family: 'f', numerator: 1, denominator: 3 },
        { key: 'c', family: 'f', numerator: 5, denominator: 10 },
      ]),
      ['*', '*', '50%'],
    );
  });

  it('never leaves exactly one masked cell in a family of two or more non-empty cells', () => {
    const cell = fc.record({ numerator: fc.nat(30), extra: fc.nat(30) });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 6 }), (raw) => {
        const groups = raw.map((c, i) => ({
          key: `g${i}`,
          family: 'f',
          numerator: c.numerator,
          denominator: c.numerator + c.extra,
        }));
        const maskedCount = maskAggregates(groups).filter((c) => c.isMasked).length;
        const nonEmpty = groups.filter((g) => g.denominator > 0).length;
        return maskedCount !== 1 || nonEmpty < 2;
      }),
    );
  });
});

describe('k-anonymity check', () => {
  it('finds the smallest equivalence class and the rows that break k', () => {
    const rows = [
      { campus: 'a', year: 2027 },
      { campus: 'a', year: 2027 },
      { campus: 'a', year: 2027 },
      { campus: 'b', year: 2027 },
    ];
    const report = checkKAnonymity(rows, ['campus', 'year'], 3);
    assert.equal(report.isKAnonymous, false);
    assert.equal(report.smallestClassSize, 1);
    assert.deepEqual(report.violatingRowIndexes, [3]);
    assert.equal(checkKAnonymity(rows.slice(0, 3), ['campus', 'year'], 3).isKAnonymous, true);
  });
});
