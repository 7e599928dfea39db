import type { Layout } from '../layout.js';

/**
 * The indicator columns of a TEA CCMR Tracker or Verifier extract, as accepted here (Y/N per
 * indicator), mapped to the product's indicator ids (ccmr-rules.md §4).
 */
export const TRACKER_INDICATORS: Readonly<Record<string, string>> = {
  tsi_met: 'COL-TSI',
  ap_ib_met: 'COL-APIB',
  dual_credit_met: 'COL-DC',
  onramps_met: 'COL-ONR',
  associate_degree_met: 'COL-AD',
  ibc_met: 'CAR-IBC',
  level_cert_met: 'CAR-LVL',
  iep_workforce_met: 'CAR-IEPWF',
  sped_advanced_met: 'CAR-SPEDADV',
  military_met: 'MIL-ENL',
  ccmr_met: 'CCMR-MET',
};

/** TEA CCMR Tracker / Verifier: what TEA currently credits each student with. */
export const TEA_TRACKER_LAYOUT: Layout = {
  type: 'tea-tracker',
  requiredColumns: ['ccmr_met'],
  optionalColumns: Object.keys(TRACKER_INDICATORS).filter((column) => column !== 'ccmr_met'),
  read(row) {
    const indicators: Record<string, boolean> = {};
    for (const [column, indicator] of Object.entries(TRACKER_INDICATORS)) {
      const value = row.flag(column, { required: column === 'ccmr_met' });
      if (value !== undefined) indicators[indicator] = value;
    }
    return { target: 'tracker', indicators };
  },
};
