import { UnknownImportType } from '../errors.js';
import { IMPORT_TYPES, type ImportType, type Layout } from '../layout.js';
import {
  ASSOCIATE_LAYOUT,
  COLLEGE_PREP_LAYOUT,
  DUAL_CREDIT_LAYOUT,
  ENLISTMENT_LAYOUT,
  LEVEL_CERT_LAYOUT,
} from './college-credit-layouts.js';
import { IBC_LAYOUT } from './ibc-layout.js';
import { PENDING_LAYOUT } from './pending-layout.js';
import { ACT_LAYOUT, AP_LAYOUT, IB_LAYOUT, SAT_LAYOUT, TSIA2_LAYOUT } from './score-layouts.js';
import { STUDENT_STATUS_LAYOUT } from './student-status-layout.js';
import { TEA_TRACKER_LAYOUT } from './tea-tracker-layout.js';

const LAYOUTS: Record<ImportType, Layout> = {
  sat: SAT_LAYOUT,
  ap: AP_LAYOUT,
  act: ACT_LAYOUT,
  tsia2: TSIA2_LAYOUT,
  ib: IB_LAYOUT,
  'dual-credit': DUAL_CREDIT_LAYOUT,
  'college-prep': COLLEGE_PREP_LAYOUT,
  'level-cert': LEVEL_CERT_LAYOUT,
  associate: ASSOCIATE_LAYOUT,
  ibc: IBC_LAYOUT,
  enlistment: ENLISTMENT_LAYOUT,
  'tea-tracker': TEA_TRACKER_LAYOUT,
  'student-status': STUDENT_STATUS_LAYOUT,
  pending: PENDING_LAYOUT,
};

/**
 * The layout of an import type.
 *
 * @param type - the `--type` value.
 * @returns its layout.
 * @throws UnknownImportType (ERR_EVIDENCE_UNKNOWN_TYPE) for any other value.
 */
export function layoutFor(type: string): Layout {
  if (!(IMPORT_TYPES as readonly string[]).includes(type))
    throw new UnknownImportType(type, IMPORT_TYPES);
  return LAYOUTS[type as ImportType];
}
