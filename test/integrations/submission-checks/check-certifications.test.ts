import assert from 'node:assert/strict';
import {
  checkCertifications,
  type CertificationUnderCheck,
} from '../../../integrations/submission-checks/index.js';

/** A record that passes every check: earned, listed, completer, fee paid, acknowledged. */
function clean(overrides: Partial<CertificationUnderCheck> = {}): CertificationUnderCheck {
  return {
    id: 'cert-1',
    personId: 'person-1',
    ibcCode: 'IBC0417',
    resultCode: '01',
    examDate: '2026-03-02',
    earnedDate: '2026-03-20',
    examFeeCents: 12_000,
    alignedPosStatus: 'completer',
    lists: ['2022-2025', '2025-2030'],
    isDeleted: false,
    skyward: 'acknowledged',
    skywardReason: null,
    posRequired: 'completer',
    ...overrides,
  };
}

const checksOf = (records: CertificationUnderCheck[], schoolYear = 2026) =>
  checkCertifications(records, schoolYear).map((finding) => finding.check);

describe('PEIMS submission checks on certification records', () => {
  it('finds nothing wrong with a clean record', () => {
    assert.deepEqual(checksOf([clean()]), []);
  });

  it('blocks a record Skyward has not acknowledged, whatever held it up, with the reason', () => {
    for (const skyward of [
      'pending',
      'delivered',
      'failed',
      'not_queued',
      'not_connected',
    ] as const) {
      const [finding] = checkCertifications(
        [clean({ skyward, skywardReason: skyward === 'failed' ? 'unknown campus' : null })],
        2026,
      );
      assert.equal(finding?.check, 'ibc_not_in_skyward', skyward);
      assert.equal(finding?.severity, 'blocking');
      assert.equal(finding?.detail.skyward, skyward);
    }
    assert.equal(
      checkCertifications([clean({ skyward: 'failed', skywardReason: 'unknown campus' })], 2026)[0]
        ?.detail.reason,
      'unknown campus',
    );
  });

  it('blocks a deleted record whose removal has not reached Skyward, and only that', () => {
    assert.deepEqual(checksOf([clean({ isDeleted: true, skyward: 'pending' })]), [
      'ibc_removal_not_in_skyward',
    ]);
    assert.deepEqual(checksOf([clean({ isDeleted: true, skyward: 'acknowledged' })]), []);
    assert.deepEqual(checksOf([clean({ isDeleted: true, skyward: 'not_queued' })]), []);
    assert.deepEqual(checksOf([clean({ isDeleted: true, skyward: 'superseded' })]), []);
    // A deleted record's missing fee or summer date no longer matters.
    assert.deepEqual(
      checksOf([clean({ isDeleted: true, examFeeCents: 0, earnedDate: '2026-07-01' })]),
      [],
    );
  });

  it('blocks an earned code on no TEA list, but not a failed exam', () => {
    assert.deepEqual(checksOf([clean({ lists: [] })]), ['ibc_not_on_tea_list']);
    assert.deepEqual(checksOf([clean({ lists: [], resultCode: '03' })]), []);
  });

  it("warns when the aligned program of study is short of what the student's class needs", () => {
    const [finding] = checkCertifications(
      [clean({ alignedPosStatus: 'concentrator', posRequired: 'completer' })],
      2026,
    );
    assert.equal(finding?.check, 'ibc_pos_short');
    assert.equal(finding?.severity, 'warning');
    assert.deepEqual(finding?.detail, { reached: 'concentrator', required: 'completer' });
    assert.deepEqual(
      checksOf([clean({ alignedPosStatus: 'concentrator', posRequired: 'concentrator' })]),
      [],
    );
    assert.deepEqual(checksOf([clean({ alignedPosStatus: 'none', posRequired: null })]), []);
  });

  it("warns of a missing exam fee on a student's first two exams only", () => {
    const records = [
      clean({ id: 'c', examDate: '2026-05-01', examFeeCents: 0, ibcCode: 'IBC0003' }),
      clean({ id: 'a', examDate: '2026-01-10', examFeeCents: null, ibcCode: 'IBC0001' }),
      clean({ id: 'b', examDate: '2026-02-10', ibcCode: 'IBC0002' }),
      clean({ id: 'd', personId: 'person-2', examFeeCents: 0 }),
    ];
    const findings = checkCertifications(records, 2026);
    assert.deepEqual(
      findings.map((finding) => [finding.check, finding.certificationId]),
      [
        ['ibc_exam_fee_missing', 'a'],
        ['ibc_exam_fee_missing', 'd'],
      ],
    );
  });

  it('flags a summer IBC for the Extended Year submission from 2025–26 on', () => {
    const summer = clean({ earnedDate: '2026-06-01' });
    const [finding] = checkCertifications([summer], 2026);
    assert.equal(finding?.check, 'ibc_summer_extended_year');
    assert.equal(finding?.severity, 'notice');
    assert.deepEqual(checksOf([clean({ earnedDate: '2026-08-31' })]), ['ibc_summer_extended_year']);
    assert.deepEqual(checksOf([clean({ earnedDate: '2026-05-31' })]), []);
    assert.deepEqual(checksOf([clean({ earnedDate: '2025-07-01' })], 2025), []);
  });

  it('lists blocking findings first, then warnings, then notices', () => {
    const findings = checkCertifications(
      [
        clean({ id: 'n', earnedDate: '2026-07-04' }),
        clean({ id: 'w', personId: 'person-0', alignedPosStatus: 'none' }),
        clean({ id: 'b', personId: 'person-9', skyward: 'pending' }),
      ],
      2026,
    );
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['blocking', 'warning', 'notice'],
    );
  });
});
