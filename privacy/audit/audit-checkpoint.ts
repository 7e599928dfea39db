import type { Database, TenantCipher, TenantKeys } from '../../store/index.js';

/** A signed head of a district's audit chain; the district may keep a copy as an anchor. */
export interface AuditCheckpoint {
  tenantId: string;
  seq: number;
  hash: string;
  /** HMAC-SHA-256 under a key derived from the district's data key, hex. */
  signature: string;
  createdAt: string;
}

/** Signs a chain head. The key never sits unwrapped in the database. */
export function signCheckpoint(cipher: TenantCipher, seq: number, hash: string): string {
  return cipher
    .blindIndex('audit_checkpoint', `${cipher.tenantId}|${seq}|${hash}`)!
    .toString('hex');
}

/**
 * Signs the current head of a district's chain and keeps it (idempotent per sequence number).
 * @param db the database.
 * @param keys the district data keys.
 * @param tenantId the district.
 * @param now the clock.
 * @returns the checkpoint, or null when the chain is still empty.
 * @throws TenantKeyUnavailable (ERR_STORE_TENANT_KEY_UNAVAILABLE) after offboarding.
 */
export async function recordAuditCheckpoint(
  db: Database,
  keys: TenantKeys,
  tenantId: string,
  now: Date,
): Promise<AuditCheckpoint | null> {
  return db.withTenant(tenantId, async (tx) => {
    const head = await tx.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1',
      [tenantId],
    );
    if (!head || Number(head.seq) === 0) return null;
    const seq = Number(head.seq);
    const signature = signCheckpoint(await keys.cipherFor(tx), seq, head.hash);
    await tx.query(
      `INSERT INTO audit_checkpoints (tenant_id, seq, hash, signature, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [tenantId, seq, head.hash, signature, now.toISOString()],
    );
    return { tenantId, seq, hash: head.hash, signature, createdAt: now.toISOString() };
  });
}
