import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database, TenantKeys } from '../store/index.js';
import { LTI_LIFETIMES } from './lti-options.js';
import { ensureSystemTenant } from './system-tenant.js';
import { LtiError } from './errors.js';

/** A private key ready to sign, with the kid platforms look it up by. */
export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

interface ToolKeyRow {
  kid: string;
  public_jwk: JWK;
  private_key_enc: Buffer;
  superseded_at: Date | null;
  retire_after: Date | null;
}

const BINDING = (kid: string) => ({ table: 'lti_tool_keys', column: 'private_key', rowId: kid });

/**
 * The tool's RS256 key pairs (Security Framework §6.3). Private keys are stored encrypted with
 * the system district's field cipher (AES-256-GCM bound to table, column and kid). Rotation
 * keeps the previous public key in the JWKS until every token it signed has expired.
 */
export class ToolKeyStore {
  readonly #db: Database;
  readonly #keys: TenantKeys;
  #current: SigningKey | undefined;
  #published: { jwks: { keys: JWK[] }; until: number } | undefined;

  constructor(db: Database, keys: TenantKeys) {
    this.#db = db;
    this.#keys = keys;
  }

  /**
   * Makes sure a current key exists, generating the first one.
   * @param now the clock.
   * @returns the kid of the current key.
   */
  async ensureKey(now: Date): Promise<string> {
    const current = await this.#readCurrent();
    if (current) return current.kid;
    return this.#generate(now);
  }

  /**
   * Starts signing with a new key; the old one stays published for the longest lifetime of what
   * it signed plus the clock skew, then drops out of the JWKS.
   * @param now the clock.
   * @returns the new kid and the retired one.
   */
  async rotate(now: Date): Promise<{ kid: string; retiredKid: string | null }> {
    const previous = await this.#readCurrent();
    const retireAfter = new Date(
      now.getTime() + (LTI_LIFETIMES.toolTokenSeconds + LTI_LIFETIMES.clockSkewSeconds) * 1000,
    );
    if (previous) {
      await this.#db.withSystem((tx) =>
        tx.query(`UPDATE lti_tool_keys SET superseded_at = $2, retire_after = $3 WHERE kid = $1`, [
          previous.kid,
          now,
          retireAfter,
        ]),
      );
    }
    const kid = await this.#generate(now);
    return { kid, retiredKid: previous?.kid ?? null };
  }

  /**
   * The public keys platforms verify the tool's signatures with (the tool JWKS).
   * @param now the clock.
   * @returns a JWK Set of RS256 public keys.
   */
  async publishedKeys(now: Date): Promise<{ keys: JWK[] }> {
    if (this.#published && this.#published.until > now.getTime()) return this.#published.jwks;
    const rows = await this.#db.withSystem((tx) =>
      tx.query<{ public_jwk: JWK; retire_after: Date | null }>(
        `SELECT public_jwk, retire_after FROM lti_tool_keys
         WHERE retire_after IS NULL OR retire_after > $1 ORDER BY created_at DESC`,
        [now],
      ),
    );
    const jwks = { keys: rows.map((row) => row.public_jwk) };
    this.#published = { jwks, until: now.getTime() + 5_000 };
    return jwks;
  }

  /**
   * The private key the tool signs with now.
   * @returns the current signing key.
   * @throws LtiError ERR_LTI_NO_TOOL_KEY when none has been generated.
   */
  async signingKey(): Promise<SigningKey> {
    const row = await this.#readCurrent();
    if (!row)
      throw new LtiError('ERR_LTI_NO_TOOL_KEY', 'the tool has no signing key', { status: 500 });
    if (this.#current?.kid === row.kid) return this.#current;
    const systemId = await ensureSystemTenant(this.#db, this.#keys);
    const jwk = await this.#db.withTenant(systemId, async (tx) => {
      const cipher = await this.#keys.cipherFor(tx);
      return cipher.decryptJson<JWK>(row.private_key_enc, BINDING(row.kid));
    });
    const key = (await importJWK(jwk!, 'RS256')) as CryptoKey;
    this.#current = { kid: row.kid, key };
    return this.#current;
  }

  async #readCurrent(): Promise<ToolKeyRow | undefined> {
    return this.#db.withSystem((tx) =>
      tx.one<ToolKeyRow & Record<string, unknown>>(
        `SELECT kid, public_jwk, private_key_enc, superseded_at, retire_after FROM lti_tool_keys
         WHERE superseded_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      ),
    );
  }

  async #generate(now: Date): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', {
      modulusLength: 2048,
      extractable: true,
    });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const published: JWK = { ...publicJwk, kid, alg: 'RS256', use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    const systemId = await ensureSystemTenant(this.#db, this.#keys);
    const sealed = await this.#db.withTenant(systemId, async (tx) =>
      (await this.#keys.cipherFor(tx)).encryptJson(privateJwk, BINDING(kid)),
    );
    await this.#db.withSystem((tx) =>
      tx.query(
        `INSERT INTO lti_tool_keys (kid, public_jwk, private_key_enc, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (kid) DO NOTHING`,
        [kid, JSON.stringify(published), sealed, now],
      ),
    );
    this.#published = undefined;
    return kid;
  }
}
