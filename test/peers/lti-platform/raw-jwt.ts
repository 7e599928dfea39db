import { createSign, type KeyObject } from 'node:crypto';

/**
 * Signs a JWT with exactly the header given, even a header jose would refuse to produce (no
 * alg, no kid): the certification payloads and the negative suite need those on the wire.
 * RS256 signature over base64url(header).base64url(payload) (RFC 7515 §5.1).
 */
export function signRawJwt(header: object, payload: object, privateKey: KeyObject): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256')
    .update(signingInput)
    .sign(privateKey)
    .toString('base64url');
  return `${signingInput}.${signature}`;
}
