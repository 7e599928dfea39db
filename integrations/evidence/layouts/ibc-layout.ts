import type { Layout } from '../layout.js';

/**
 * Industry-based certification results (a counselor's CSV or a vendor roster): checked against
 * the TEA IBC list when applied, stored through the certifications module.
 */
export const IBC_LAYOUT: Layout = {
  type: 'ibc',
  requiredColumns: ['ibc_code', 'result_code', 'exam_date'],
  optionalColumns: ['earned_date', 'vendor_code', 'exam_fee', 'aligned_pos_status'],
  read(row) {
    const ibcCode = row.text('ibc_code', { required: true });
    const resultCode = row.choice('result_code', ['01', '02', '03'] as const, { required: true });
    const examDate = row.date('exam_date', { required: true });
    const earnedDate = row.date('earned_date');
    const fee = row.number('exam_fee', { min: 0, max: 999.99 });
    const alignedPosStatus =
      row.choice('aligned_pos_status', [
        'none',
        'level2_course',
        'concentrator',
        'completer',
      ] as const) ?? 'none';
    if (!ibcCode || !resultCode || !examDate) return undefined;
    return {
      target: 'certification',
      fields: {
        ibcCode: ibcCode.toUpperCase(),
        vendorCode: row.text('vendor_code'),
        examFeeCents: fee === undefined ? undefined : Math.round(fee * 100),
        resultCode,
        examDate,
        // Result 01 means earned: the earned date defaults to the exam date (CAR-IBC-EARNED).
        earnedDate: earnedDate ?? (resultCode === '01' ? examDate : undefined),
        alignedPosStatus,
      },
    };
  },
};
