import type { TenantCipher, TenantTransaction } from '../store/index.js';
import type { OneRosterClientOptions, OneRosterVersion } from './client/oneroster-client.js';
import { OneRosterBadConnection, OneRosterNotConnected } from './errors.js';

/** Scopes asked of 1.2 providers: core rostering and demographics (OneRoster 1.2 §2.3). */
export const DEFAULT_SCOPES = [
  'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly',
  'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly',
];

/** What `ccmr oneroster connect` takes. */
export interface ConnectionInput {
  version: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** OAuth 2.0 token endpoint: required for 1.2; for 1.1 it selects OAuth 2.0 over OAuth 1.0a. */
  tokenUrl?: string;
  scopes?: string[];
}

/** A stored connection, credentials decrypted, ready for a client. */
export interface Connection {
  version: OneRosterVersion;
  baseUrl: string;
  tokenUrl: string | null;
  authKind: 'oauth1' | 'oauth2';
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

function checkUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OneRosterBadConnection(field, 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OneRosterBadConnection(field, 'must be http(s)');
  if (url.search || url.hash)
    throw new OneRosterBadConnection(field, 'must not have a query or fragment');
  return url.toString().replace(/\/+$/, '');
}

/**
 * Checks connection settings.
 * @throws OneRosterBadConnection (ERR_ONEROSTER_BAD_CONNECTION) naming the field.
 */
export function validateConnection(input: ConnectionInput): Connection {
  if (input.version !== '1.1' && input.version !== '1.2')
    throw new OneRosterBadConnection('version', 'must be 1.1 or 1.2');
  const baseUrl = checkUrl('base-url', input.baseUrl);
  if (/\/ims\/oneroster\//.test(baseUrl)) {
    throw new OneRosterBadConnection(
      'base-url',
      "is the provider's root; leave out /ims/oneroster/…",
    );
  }
  if (!input.clientId) throw new OneRosterBadConnection('client-id', 'is empty');
  if (!input.clientSecret) throw new OneRosterBadConnection('client-secret', 'is empty');
  if (input.version === '1.2' && !input.tokenUrl) {
    throw new OneRosterBadConnection(
      'token-url',
      'is required for OneRoster 1.2 (OAuth 2.0 client credentials)',
    );
  }
  const tokenUrl = input.tokenUrl ? checkUrl('token-url', input.tokenUrl) : null;
  return {
    version: input.version,
    baseUrl,
    tokenUrl,
    authKind: tokenUrl ? 'oauth2' : 'oauth1',
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    scopes: input.scopes ?? (tokenUrl ? DEFAULT_SCOPES : []),
  };
}

function binding(tx: TenantTransaction, column: string) {
  return { table: 'oneroster_connections', column, rowId: tx.tenantId };
}

/** Saves (or replaces) the district's connection; the client id and secret are encrypted. */
export async function saveConnection(
  tx: TenantTransaction,
  cipher: TenantCipher,
  c: Connection,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO oneroster_connections (tenant_id, version, base_url, token_url, auth_kind, client_id_enc,
        client_secret_enc, scopes, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version, base_url = EXCLUDED.base_url,
       token_url = EXCLUDED.token_url, auth_kind = EXCLUDED.auth_kind, client_id_enc = EXCLUDED.client_id_enc,
       client_secret_enc = EXCLUDED.client_secret_enc, scopes = EXCLUDED.scopes, updated_at = EXCLUDED.updated_at`,
    [
      tx.tenantId,
      c.version,
      c.baseUrl,
      c.tokenUrl,
      c.authKind,
      cipher.encrypt(c.clientId, binding(tx, 'client_id_enc')),
      cipher.encrypt(c.clientSecret, binding(tx, 'client_secret_enc')),
      c.scopes.join(' '),
      now,
    ],
  );
}

/**
 * The district's connection.
 * @throws OneRosterNotConnected (ERR_ONEROSTER_NOT_CONNECTED) when there is none.
 */
export async function loadConnection(
  tx: TenantTransaction,
  cipher: TenantCipher,
): Promise<Connection> {
  const row = await tx.one<{
    version: OneRosterVersion;
    base_url: string;
    token_url: string | null;
    auth_kind: 'oauth1' | 'oauth2';
    client_id_enc: Buffer;
    client_secret_enc: Buffer;
    scopes: string | null;
  }>('SELECT * FROM oneroster_connections WHERE tenant_id = $1', [tx.tenantId]);
  if (!row) throw new OneRosterNotConnected();
  return {
    version: row.version,
    baseUrl: row.base_url,
    tokenUrl: row.token_url,
    authKind: row.auth_kind,
    clientId: cipher.decrypt(row.client_id_enc, binding(tx, 'client_id_enc'))!,
    clientSecret: cipher.decrypt(row.client_secret_enc, binding(tx, 'client_secret_enc'))!,
    scopes: (row.scopes ?? '').split(' ').filter(Boolean),
  };
}

/** Client options for a connection. */
export function clientOptionsFor(c: Connection): OneRosterClientOptions {
  return {
    version: c.version,
    baseUrl: c.baseUrl,
    auth:
      c.authKind === 'oauth2'
        ? {
            kind: 'oauth2',
            tokenUrl: c.tokenUrl!,
            clientId: c.clientId,
            clientSecret: c.clientSecret,
            scopes: c.scopes,
          }
        : { kind: 'oauth1', consumerKey: c.clientId, consumerSecret: c.clientSecret },
  };
}
