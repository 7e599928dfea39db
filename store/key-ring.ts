import { createHmac } from 'node:crypto';

/** A master key from configuration, known by a short id derived from it. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The master keys this process holds: the current one wraps new and rotated data keys; retired
 * ones still unwrap data keys that `ccmr keys rotate` has not re-wrapped yet.
 */
export interface KeyRing {
  readonly current: MasterKey;
  find(id: string): MasterKey | undefined;
}

/** The id names a key without revealing it: an HMAC of a fixed label under the key itself. */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('ccmr master key id').digest('hex').slice(0, 16);
}

/**
 * Builds the key ring from 32-byte keys.
 * @throws TypeError when a key is not 32 bytes long.
 */
export function createKeyRing(current: Buffer, retired: readonly Buffer[] = []): KeyRing {
  const keys = [current, ...retired].map((key) => {
    if (key.length !== 32)
      throw new TypeError('a master key must be 32 bytes (base64 of 32 bytes)');
    return { id: masterKeyId(key), key } satisfies MasterKey;
  });
  const byId = new Map(keys.map((key) => [key.id, key]));
  return { current: keys[0]!, find: (id) => byId.get(id) };
}
