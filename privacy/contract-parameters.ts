import type { TenantTransaction } from '../store/index.js';

/**
 * A district's contract parameters (privacy-checklist.md, "Per-tenant contract parameters"): the
 * numbers its data privacy agreement fixes. Stored per district; code reads them, never constants.
 */
export interface ContractParameters {
  breachNoticeHours: number;
  leaRequestResponseDays: number;
  deletionOnRequestDays: number;
  /** Null until the district sets it. */
  withdrawnStudentGraceDays: number | null;
  auditRetentionDays: number;
  minCellSize: number;
  sensitiveNumeratorMin: number;
  kAnonymityK: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Who receives breach notices at the district (a role mailbox, not a student). */
  breachContact: string | null;
}

/** The checklist's defaults, used until a district records its own values. */
export const DEFAULT_CONTRACT_PARAMETERS: Readonly<ContractParameters> = Object.freeze({
  breachNoticeHours: 72,
  leaRequestResponseDays: 45,
  deletionOnRequestDays: 60,
  withdrawnStudentGraceDays: null,
  auditRetentionDays: 365,
  minCellSize: 5,
  sensitiveNumeratorMin: 10,
  kAnonymityK: 5,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  breachContact: null,
});

const COLUMNS: Record<keyof ContractParameters, string> = {
  breachNoticeHours: 'breach_notice_hours',
  leaRequestResponseDays: 'lea_request_response_days',
  deletionOnRequestDays: 'deletion_on_request_days',
  withdrawnStudentGraceDays: 'withdrawn_student_grace_days',
  auditRetentionDays: 'audit_retention_days',
  minCellSize: 'min_cell_size',
  sensitiveNumeratorMin: 'sensitive_numerator_min',
  kAnonymityK: 'k_anonymity_k',
  sessionIdleMinutes: 'session_idle_minutes',
  sessionAbsoluteHours: 'session_absolute_hours',
  breachContact: 'breach_contact',
};

/**
 * Reads the district's contract parameters, or the defaults when none were recorded.
 * @param tx a transaction of the district.
 * @returns the parameters in force.
 */
export async function loadContractParameters(tx: TenantTransaction): Promise<ContractParameters> {
  const row = await tx.one('SELECT * FROM privacy_contracts WHERE tenant_id = $1', [tx.tenantId]);
  if (!row) return { ...DEFAULT_CONTRACT_PARAMETERS };
  const result = { ...DEFAULT_CONTRACT_PARAMETERS } as Record<string, unknown>;
  for (const [key, column] of Object.entries(COLUMNS)) result[key] = row[column];
  return result as unknown as ContractParameters;
}

/**
 * Records some of a district's contract parameters (the others keep their value). Idempotent.
 * The database rejects values outside the checklist's bounds (e.g. audit retention under 365).
 * @param tx a transaction of the district.
 * @param changes the parameters to set.
 * @returns the parameters now in force.
 */
export async function saveContractParameters(
  tx: TenantTransaction,
  changes: Partial<ContractParameters>,
): Promise<ContractParameters> {
  const merged = { ...(await loadContractParameters(tx)), ...changes };
  const keys = Object.keys(COLUMNS) as Array<keyof ContractParameters>;
  const columns = keys.map((key) => COLUMNS[key]);
  const values = keys.map((key) => merged[key]);
  await tx.query(
    `INSERT INTO privacy_contracts (tenant_id, ${columns.join(', ')}, updated_at)
     VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}, now())
     ON CONFLICT (tenant_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       updated_at = now()`,
    [tx.tenantId, ...values],
  );
  return merged;
}
