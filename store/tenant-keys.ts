import { randomBytes } from 'node:crypto';
import type { Database, TenantTransaction, Transaction } from './database.js';
import type { KeyRing } from './key-ring.js';
import { open, seal } from './aead.js';
import { AppError } from './errors.js';
import { TenantCipher } from './field-cipher.js';

/** Raised when a district's data key is missing, destroyed, or wrapped by an unknown master key. */
export class TenantKeyUnavailable extends AppError {
  constructor(reason: string) {
    super('ERR_STORE_TENANT_KEY_UNAVAILABLE', `the district's data key is unavailable: ${reason}`, {
      status: 500,
    });
  }
}

function wrapAad(tenantId: string, version: number): string {
  return `ccmr data key|${tenantId}|v${version}`;
}

/**
 * Each district's data key: created with the district, wrapped by the current master key,
 * unwrapped once per process and cached. Re-wrapping under a new master key never changes the
 * data key itself, so no stored ciphertext has to be rewritten.
 */
export class TenantKeys {
  readonly #ring: KeyRing;
  readonly #cache = new Map<string, TenantCipher>();

  constructor(ring: KeyRing) {
    this.#ring = ring;
  }

  /** Creates the first data key of a new district inside its tenant transaction. */
  async createFor(tx: TenantTransaction): Promise<void> {
    const dataKey = randomBytes(32);
    const master = this.#ring.current;
    await tx.query(
      `INSERT INTO tenant_keys (tenant_id, version, wrapped_key, master_key_id)
       VALUES ($1, 1, $2, $3) ON CONFLICT DO NOTHING`,
      [tx.tenantId, seal(master.key, dataKey, wrapAad(tx.tenantId, 1)), master.id],
    );
  }

  /**
   * The cipher of the transaction's district.
   * @throws TenantKeyUnavailable (ERR_STORE_TENANT_KEY_UNAVAILABLE)
   */
  async cipherFor(tx: TenantTransaction): Promise<TenantCipher> {
    const cached = this.#cache.get(tx.tenantId);
    if (cached) return cached;
    const row = await tx.one<{ version: number; wrapped_key: Buffer; master_key_id: string }>(
      `SELECT version, wrapped_key, master_key_id FROM tenant_keys
       WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`,
      [tx.tenantId],
    );
    if (!row) throw new TenantKeyUnavailable('no key (destroyed at offboarding, or never created)');
    const cipher = new TenantCipher(tx.tenantId, this.#unwrap(tx.tenantId, row));
    this.#cache.set(tx.tenantId, cipher);
    return cipher;
  }

  #unwrap(tenantId: string, row: { version: number; wrapped_key: Buffer; master_key_id: string }) {
    const master = this.#ring.find(row.master_key_id);
    if (!master)
      throw new TenantKeyUnavailable(`master key ${row.master_key_id} is not configured`);
    const dataKey = open(master.key, row.wrapped_key, wrapAad(tenantId, row.version));
    if (!dataKey) throw new TenantKeyUnavailable('the wrapped key does not open');
    return dataKey;
  }

  /** Forgets a district's cached key, after its keys were destroyed. */
  forget(tenantId: string): void {
    this.#cache.delete(tenantId);
  }

  /**
   * Re-wraps every district's data keys under the current master key. Readers keep working
   * throughout: each row is replaced in one statement, and retired master keys stay configured
   * until this has finished. A key wrapped by a master key this process does not hold is left
   * as it is and reported, so one misconfigured district does not block the others.
   * @returns how many keys were re-wrapped, and the districts whose key could not be opened.
   */
  async rewrapAll(db: Database): Promise<{ rewrapped: number; unreadableTenantIds: string[] }> {
    return db.withOwner(async (tx: Transaction) => {
      const rows = await tx.query<{
        tenant_id: string;
        version: number;
        wrapped_key: Buffer;
        master_key_id: string;
      }>('SELECT tenant_id, version, wrapped_key, master_key_id FROM tenant_keys FOR UPDATE');
      const master = this.#ring.current;
      let rewrapped = 0;
      const unreadableTenantIds: string[] = [];
      for (const row of rows) {
        if (row.master_key_id === master.id) continue;
        let dataKey: Buffer;
        try {
          dataKey = this.#unwrap(row.tenant_id, row);
        } catch (error) {
          if (!(error instanceof TenantKeyUnavailable)) throw error;
          unreadableTenantIds.push(row.tenant_id);
          continue;
        }
        await tx.query(
          `UPDATE tenant_keys SET wrapped_key = $3, master_key_id = $4, rewrapped_at = now()
           WHERE tenant_id = $1 AND version = $2`,
          [
            row.tenant_id,
            row.version,
            seal(master.key, dataKey, wrapAad(row.tenant_id, row.version)),
            master.id,
          ],
        );
        rewrapped += 1;
      }
      return { rewrapped, unreadableTenantIds };
    });
  }
}
