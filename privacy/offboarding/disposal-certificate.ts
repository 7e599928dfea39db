import { createHash } from 'node:crypto';

/** What a district's offboarding removed, for its records (privacy-checklist.md R7, R22). */
export interface DisposalCertificate {
  format: 'ccmr-disposal-certificate/1';
  tenantId: string;
  slug: string;
  mode: 'delete' | 'deidentify';
  startedAt: string;
  completedAt: string;
  /** Rows deleted per table. */
  removedRows: Record<string, number>;
  removedJobs: Record<string, number>;
  removedFiles: number;
  /** The district's data keys destroyed: every copy of its ciphertexts (backups too) is unreadable. */
  keysDestroyed: Array<{ keyId: string; masterKeyId: string }>;
  /** The last entry of the district's audit chain before it was disposed of. */
  auditHead: { seq: number; hash: string } | null;
  /** Tables whose rows could not be deleted (none expected). */
  retainedTables: string[];
  /** In de-identify mode: the masked aggregate release kept; no row about any one student. */
  retainedDeidentified: unknown;
  /** SHA-256 of the certificate's canonical JSON without this field. */
  certificateSha256: string;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Hashes a certificate's content (everything but its own hash), so a copy can be checked.
 * @param certificate the certificate, with or without its hash.
 * @returns the hex SHA-256.
 */
export function hashDisposalCertificate(
  certificate: Omit<DisposalCertificate, 'certificateSha256'> & { certificateSha256?: string },
): string {
  const { certificateSha256: _ignored, ...content } = certificate;
  return createHash('sha256').update(canonical(content)).digest('hex');
}
