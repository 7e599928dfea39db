import type { RowReader } from './row-reader.js';

/** Every file type `ccmr evidence import --type` accepts. */
export const IMPORT_TYPES = [
  'sat',
  'ap',
  'act',
  'tsia2',
  'ib',
  'dual-credit',
  'college-prep',
  'level-cert',
  'associate',
  'ibc',
  'enlistment',
  'tea-tracker',
  'student-status',
  'pending',
] as const;

/** One accepted file type. */
export type ImportType = (typeof IMPORT_TYPES)[number];

/** The `evidence.kind` values: one per §3 array (ccmr-rules.md), plus projection inputs. */
export type EvidenceKind =
  | 'sat'
  | 'act'
  | 'tsia2'
  | 'ap_exam'
  | 'ib_exam'
  | 'dual_credit'
  | 'onramps'
  | 'college_prep'
  | 'level_certificate'
  | 'associate_degree'
  | 'enlistment'
  | 'pending';

/** A certification row, before it is checked against the TEA IBC list. */
export interface CertificationFields {
  ibcCode: string;
  vendorCode?: string;
  examFeeCents?: number;
  resultCode: '01' | '02' | '03';
  examDate?: string;
  earnedDate?: string;
  alignedPosStatus: 'none' | 'level2_course' | 'concentrator' | 'completer';
}

/** What one valid row says, by where it goes. */
export type RowPayload =
  | { target: 'evidence'; kind: EvidenceKind; data: Record<string, unknown> }
  | { target: 'status'; fields: Record<string, unknown> }
  | { target: 'certification'; fields: CertificationFields }
  | { target: 'tracker'; indicators: Record<string, boolean> };

/** The student identity columns every layout may carry (at least one way to identify). */
export const IDENTITY_COLUMNS = [
  'state_id',
  'local_id',
  'last_name',
  'first_name',
  'birth_date',
] as const;

/**
 * One accepted file layout (docs/evidence-layouts.md): its template columns beyond the identity
 * columns, and how a row becomes a payload. `read` reports problems through the reader and
 * returns undefined when the row cannot be used.
 */
export interface Layout {
  type: ImportType;
  requiredColumns: readonly string[];
  optionalColumns: readonly string[];
  read(row: RowReader): RowPayload | undefined;
}
