import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** An RS256 key pair of the platform, with the kid its JWKS lists it under. */
export interface PlatformKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

/** Generates a platform key pair (2048-bit RSA). */
export function generatePlatformKey(kid: string): PlatformKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
}
