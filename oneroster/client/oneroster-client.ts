import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { OneRosterRequestFailed, SyncAborted, type OneRosterErrorCode } from '../errors.js';
import { limitForProvider, type ConcurrencyLimit } from './concurrency-limit.js';
import { readImsxStatus } from './imsx-status.js';
import { nextLink } from './link-header.js';
import { signOauth1Request } from './oauth1-signature.js';
import { Oauth2TokenSource, type Oauth2Settings } from './oauth2-token-source.js';
import {
  isRetryableStatus,
  parseRetryAfterMs,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from './retry-policy.js';

export type OneRosterVersion = '1.1' | '1.2';

/** How the client authenticates: OAuth 2.0 client credentials, or OAuth 1.0a signing (1.1). */
export type ProviderAuth =
  | ({ kind: 'oauth2' } & Oauth2Settings)
  | { kind: 'oauth1'; consumerKey: string; consumerSecret: string };

export interface OneRosterClientOptions {
  version: OneRosterVersion;
  /** The provider's root URL; the versioned base path is added here. */
  baseUrl: string;
  auth: ProviderAuth;
  /** Records asked for per page (`limit`). */
  pageSize?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Requests in flight at once to this provider, across every client of this process. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Wall clock for token expiry and OAuth 1.0a timestamps (the provider's clock is real time). */
  nowMs?: () => number;
}

/** Query of a collection (OneRoster 1.1 §3.4, 1.2 REST binding §3.4). */
export interface CollectionQuery {
  filter?: string;
  sort?: string;
  orderBy?: 'asc' | 'desc';
  fields?: string[];
  signal?: AbortSignal;
}

/** One page of a collection. */
export interface Page {
  records: Record<string, unknown>[];
  /** X-Total-Count of the collection under the query, when the provider sent it. */
  total?: number;
}

const BASE_PATHS: Record<OneRosterVersion, string> = {
  '1.1': '/ims/oneroster/v1p1',
  '1.2': '/ims/oneroster/rostering/v1p2',
};

/** HTTP status → our error code for answers that are not worth retrying. */
function codeForStatus(status: number): OneRosterErrorCode {
  if (status === 401 || status === 403) return 'ERR_ONEROSTER_AUTH';
  if (status === 404) return 'ERR_ONEROSTER_NOT_FOUND';
  if (status === 400 || status === 422) return 'ERR_ONEROSTER_BAD_QUERY';
  return 'ERR_ONEROSTER_PROVIDER';
}

/**
 * A OneRoster rostering client over axios: authentication (cached OAuth 2.0 tokens or OAuth 1.0a
 * HMAC-SHA256 signatures), limit/offset paging that follows X-Total-Count and Link, bounded
 * retries with jittered backoff honouring Retry-After on 429/5xx, timeouts, imsx errors turned
 * into coded errors, and a per-provider concurrency limit.
 */
export class OneRosterClient {
  readonly version: OneRosterVersion;
  readonly #base: string;
  readonly #origin: string;
  readonly #options: Required<Pick<OneRosterClientOptions, 'pageSize' | 'timeoutMs'>> &
    OneRosterClientOptions;
  readonly #http: AxiosInstance;
  readonly #limit: ConcurrencyLimit;
  readonly #retry: RetryPolicy;
  readonly #nowMs: () => number;
  readonly #tokens?: Oauth2TokenSource;

  constructor(options: OneRosterClientOptions) {
    const root = new URL(options.baseUrl);
    if (root.protocol !== 'https:' && root.protocol !== 'http:')
      throw new TypeError('baseUrl must be http(s)');
    this.version = options.version;
    this.#origin = root.origin;
    this.#base = `${root.origin}${root.pathname.replace(/\/+$/, '')}${BASE_PATHS[options.version]}`;
    this.#options = { pageSize: 1000, timeoutMs: 30_000, ...options };
    this.#nowMs = options.nowMs ?? Date.now;
    this.#http = axios.create({
      timeout: this.#options.timeoutMs,
      validateStatus: () => true,
      maxRedirects: 0,
    });
    this.#limit = limitForProvider(this.#origin, options.concurrency ?? 4);
    this.#retry = {
      maxRetries: 5,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      random: Math.random,
      ...options.retry,
    };
    if (options.auth.kind === 'oauth2')
      this.#tokens = new Oauth2TokenSource(options.auth, this.#http, this.#nowMs);
  }

  /** The URL of a collection under this version's base path. */
  collectionUrl(collection: string): string {
    return `${this.#base}/${collection}`;
  }

  /**
   * The number of records a collection query matches (X-Total-Count of a one-record page).
   * @throws OneRosterRequestFailed
   */
  async count(collection: string, query: CollectionQuery = {}): Promise<number | undefined> {
    const url = this.#pageUrl(collection, query, 0, 1);
    const response = await this.#get(url, query.signal);
    const header = response.headers['x-total-count'];
    return header === undefined ? undefined : Number(header);
  }

  /**
   * Every page of a collection, in order. The next page is requested while the caller works on
   * the current one. Paging follows the Link `next` when given, else offset up to X-Total-Count,
   * else stops at a short page.
   * @throws OneRosterRequestFailed (ERR_ONEROSTER_AUTH, _BAD_QUERY, _PROVIDER, _UNREACHABLE, _BAD_RESPONSE)
   * @throws SyncAborted (ERR_ONEROSTER_ABORTED) when the signal fires.
   */
  async *pages(collection: string, query: CollectionQuery = {}): AsyncGenerator<Page> {
    const limit = this.#options.pageSize;
    let offset = 0;
    let url: string | undefined = this.#pageUrl(collection, query, 0, limit);
    let pending: Promise<AxiosResponse> | undefined = this.#get(url, query.signal);
    while (pending) {
      const response: AxiosResponse = await pending;
      pending = undefined;
      const records = this.#recordsOf(collection, response);
      const totalHeader = response.headers['x-total-count'];
      const total = totalHeader === undefined ? undefined : Number(totalHeader);
      offset += records.length;
      url = this.#nextUrl(response, collection, query, {
        offset,
        limit,
        total,
        received: records.length,
      });
      if (url) {
        pending = this.#get(url, query.signal);
        // The caller may stop early; a prefetch failing then must not become an unhandled rejection.
        pending.catch(() => undefined);
      }
      yield { records, total };
    }
  }

  #nextUrl(
    response: AxiosResponse,
    collection: string,
    query: CollectionQuery,
    at: { offset: number; limit: number; total?: number; received: number },
  ): string | undefined {
    if (at.received === 0) return undefined;
    const linked = nextLink(response.headers['link']);
    if (linked) {
      const next = new URL(linked, this.#base);
      // Credentials go to the provider only: a Link elsewhere is not followed.
      if (next.origin !== this.#origin) {
        throw new OneRosterRequestFailed(
          'ERR_ONEROSTER_BAD_RESPONSE',
          'the provider linked the next page to another origin',
        );
      }
      return next.toString();
    }
    if (at.total !== undefined && Number.isFinite(at.total)) {
      return at.offset < at.total
        ? this.#pageUrl(collection, query, at.offset, at.limit)
        : undefined;
    }
    return at.received < at.limit
      ? undefined
      : this.#pageUrl(collection, query, at.offset, at.limit);
  }

  #pageUrl(collection: string, query: CollectionQuery, offset: number, limit: number): string {
    const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (query.filter) params.set('filter', query.filter);
    if (query.sort) params.set('sort', query.sort);
    if (query.orderBy) params.set('orderBy', query.orderBy);
    if (query.fields?.length) params.set('fields', query.fields.join(','));
    return `${this.collectionUrl(collection)}?${params.toString()}`;
  }

  #recordsOf(collection: string, response: AxiosResponse): Record<string, unknown>[] {
    const list = (response.data as Record<string, unknown> | undefined)?.[collection];
    if (!Array.isArray(list)) {
      throw new OneRosterRequestFailed(
        'ERR_ONEROSTER_BAD_RESPONSE',
        `the provider's ${collection} answer has no ${collection} list`,
        {
          httpStatus: response.status,
        },
      );
    }
    return list as Record<string, unknown>[];
  }

  /** One GET with authentication, retries and the concurrency limit. */
  async #get(url: string, signal?: AbortSignal): Promise<AxiosResponse> {
    let renewedToken = false;
    for (let attempt = 0; ; attempt += 1) {
      if (signal?.aborted) throw new SyncAborted();
      let response: AxiosResponse | undefined;
      let failure: unknown;
      try {
        response = await this.#limit.run(async () =>
          this.#http.get(url, { headers: await this.#authHeaders(url, signal), signal }),
        );
      } catch (error) {
        if (signal?.aborted) throw new SyncAborted();
        if (error instanceof OneRosterRequestFailed) throw error;
        failure = error;
      }
      if (response && response.status >= 200 && response.status < 300) return response;
      if (response?.status === 401 && this.#tokens && !renewedToken) {
        this.#tokens.invalidate();
        renewedToken = true;
        continue;
      }
      const retryable = response === undefined || isRetryableStatus(response.status);
      if (!retryable || attempt >= this.#retry.maxRetries)
        throw this.#failure(response, failure, attempt);
      const retryAfter = parseRetryAfterMs(response?.headers['retry-after'], this.#nowMs());
      try {
        await sleep(retryDelayMs(this.#retry, attempt, retryAfter), signal);
      } catch {
        throw new SyncAborted();
      }
    }
  }

  async #authHeaders(url: string, signal?: AbortSignal): Promise<Record<string, string>> {
    const auth = this.#options.auth;
    const accept = { accept: 'application/json' };
    if (auth.kind === 'oauth2')
      return { ...accept, authorization: `Bearer ${await this.#tokens!.token(signal)}` };
    const header = signOauth1Request({
      method: 'GET',
      url,
      consumerKey: auth.consumerKey,
      consumerSecret: auth.consumerSecret,
      timestampSeconds: this.#nowMs() / 1000,
    });
    return { ...accept, authorization: header };
  }

  #failure(
    response: AxiosResponse | undefined,
    cause: unknown,
    attempt: number,
  ): OneRosterRequestFailed {
    if (!response) {
      const timedOut = (cause as { code?: string })?.code === 'ECONNABORTED';
      return new OneRosterRequestFailed(
        'ERR_ONEROSTER_UNREACHABLE',
        `the OneRoster provider did not answer${timedOut ? ' in time' : ''} after ${attempt + 1} attempts`,
        { cause },
      );
    }
    const imsx = readImsxStatus(response.data);
    const minor = imsx?.codeMinor ? ` (${imsx.codeMinor})` : '';
    const tries = isRetryableStatus(response.status) ? ` after ${attempt + 1} attempts` : '';
    return new OneRosterRequestFailed(
      codeForStatus(response.status),
      `the OneRoster provider answered HTTP ${response.status}${minor}${tries}`,
      { httpStatus: response.status, codeMinor: imsx?.codeMinor, detail: imsx?.description },
    );
  }
}
