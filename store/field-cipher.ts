import { createHmac, hkdfSync } from 'node:crypto';
import { open, seal } from './aead.js';
import { AppError } from './errors.js';

/** Raised when a stored ciphertext does not decrypt for the place it is read from. */
export class FieldDecryptFailed extends AppError {
  constructor(table: string, column: string) {
    super('ERR_STORE_DECRYPT_FAILED', `a value of ${table}.${column} could not be decrypted`, {
      status: 500,
    });
  }
}

/** Where a ciphertext lives. It is authenticated with it, so it cannot be moved elsewhere. */
export interface FieldBinding {
  table: string;
  column: string;
  rowId: string;
}

/** First byte of every field ciphertext: the format, so it can change without ambiguity. */
const FORMAT_V1 = 1;

function deriveKey(dataKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), label, 32));
}

/** Trims and lower-cases, so the same email or ID typed differently finds the same row. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/**
 * Encrypts and decrypts one district's personal fields with its data key (AES-256-GCM), and
 * computes keyed hashes for lookups (blind indexes) and stable row ids. Obtain one through
 * `TenantKeys.cipherFor` inside a tenant transaction.
 */
export class TenantCipher {
  readonly tenantId: string;
  readonly #encryptionKey: Buffer;
  readonly #indexKey: Buffer;
  readonly #rowIdKey: Buffer;

  constructor(tenantId: string, dataKey: Buffer) {
    this.tenantId = tenantId;
    // Separate subkeys: a blind index or row id never reveals anything about the encryption key.
    this.#encryptionKey = deriveKey(dataKey, 'ccmr field encryption v1');
    this.#indexKey = deriveKey(dataKey, 'ccmr blind index v1');
    this.#rowIdKey = deriveKey(dataKey, 'ccmr row id v1');
  }

  #aad(binding: FieldBinding): string {
    return `${this.tenantId}|${binding.table}|${binding.column}|${binding.rowId}`;
  }

  /** Encrypts a value for one tenant, table, column and row; null stays null. */
  encrypt(value: string | null | undefined, binding: FieldBinding): Buffer | null {
    if (value === null || value === undefined) return null;
    const sealed = seal(this.#encryptionKey, Buffer.from(value, 'utf8'), this.#aad(binding));
    return Buffer.concat([Buffer.from([FORMAT_V1]), sealed]);
  }

  /**
   * Decrypts a value stored by `encrypt` at the same place.
   * @throws FieldDecryptFailed (ERR_STORE_DECRYPT_FAILED) when it was stored elsewhere or altered.
   */
  decrypt(stored: Buffer | null | undefined, binding: FieldBinding): string | null {
    if (stored === null || stored === undefined) return null;
    const plain =
      stored[0] === FORMAT_V1
        ? open(this.#encryptionKey, stored.subarray(1), this.#aad(binding))
        : undefined;
    if (!plain) throw new FieldDecryptFailed(binding.table, binding.column);
    return plain.toString('utf8');
  }

  /** Encrypts a JSON value (demographics, receipts metadata). */
  encryptJson(value: unknown, binding: FieldBinding): Buffer | null {
    return value === undefined || value === null
      ? null
      : this.encrypt(JSON.stringify(value), binding);
  }

  /** Decrypts a JSON value stored by `encryptJson`. */
  decryptJson<T>(stored: Buffer | null | undefined, binding: FieldBinding): T | null {
    const text = this.decrypt(stored, binding);
    return text === null ? null : (JSON.parse(text) as T);
  }

  /**
   * A keyed hash of a normalised value for equality lookups (email, local ID, state ID). The
   * `purpose` keeps indexes of different fields from matching each other.
   */
  blindIndex(purpose: string, value: string | null | undefined): Buffer | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    return createHmac('sha256', this.#indexKey)
      .update(`${purpose}\u0000${normaliseForIndex(value)}`)
      .digest();
  }

  /**
   * A stable UUID for the row of `kind` known outside by `naturalKey` (a OneRoster sourcedId, an
   * evidence fingerprint). Keyed, so the id in a URL or log reveals nothing about the natural key,
   * and stable, so re-running an import lands on the same row.
   */
  rowId(kind: string, naturalKey: string): string {
    const hash = createHmac('sha256', this.#rowIdKey).update(`${kind}\u0000${naturalKey}`).digest();
    hash[6] = (hash[6]! & 0x0f) | 0x80; // version 8: application-defined (RFC 9562 §5.8)
    hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
