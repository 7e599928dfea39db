import assert from 'node:assert/strict';
import { OneRosterClient } from '../../oneroster/index.js';
import { nextLink } from '../../oneroster/client/link-header.js';
import { parseRetryAfterMs, retryDelayMs } from '../../oneroster/client/retry-policy.js';
import { readImsxStatus } from '../../oneroster/client/imsx-status.js';
import type { RunningOneRosterServer } from '../peers/oneroster/index.js';
import { startProvider } from './roster-fixture.js';

async function collect(client: OneRosterClient, collection: string, query = {}) {
  const records: Record<string, unknown>[] = [];
  const pages: number[] = [];
  for await (const page of client.pages(collection, query)) {
    records.push(...page.records);
    pages.push(page.records.length);
  }
  return { records, pages };
}

describe('OneRoster client', () => {
  let server: RunningOneRosterServer;
  let v12: OneRosterClient;
  let v11: OneRosterClient;

  before(async () => {
    server = await startProvider();
    v12 = new OneRosterClient({
      version: '1.2',
      baseUrl: server.url,
      pageSize: 40,
      auth: {
        kind: 'oauth2',
        tokenUrl: server.tokenUrl,
        clientId: 'test-client',
        clientSecret: 'test-secret',
        scopes: [],
      },
    });
    v11 = new OneRosterClient({
      version: '1.1',
      baseUrl: server.url,
      pageSize: 40,
      auth: { kind: 'oauth1', consumerKey: 'test-client', consumerSecret: 'test-secret' },
    });
  });

  after(() => server.stop());

  it('pages through a collection by limit and offset up to X-Total-Count', async () => {
    const { records, pages } = await collect(v12, 'users');
    const total = server.dataset.generator.plan.totals.users;
    assert.equal(records.length, total);
    assert.equal(new Set(records.map((r) => r.sourcedId)).size, total);
    assert.equal(pages.length, Math.ceil(total / 40));
  });

  it('sends filter, sort, orderBy and fields, signed with OAuth 1.0a on 1.1', async () => {
    const { records } = await collect(v11, 'users', {
      filter: "role='teacher' AND status='active'",
      sort: 'familyName',
      orderBy: 'desc',
      fields: ['sourcedId', 'familyName', 'role'],
    });
    assert.equal(records.length, server.dataset.generator.plan.totals.teachers);
    assert.ok(records.every((r) => r.role === 'teacher' && Object.keys(r).length === 3));
    const names = records.map((r) => String(r.familyName));
    assert.deepEqual(
      names,
      [...names].sort((a, b) => b.localeCompare(a)),
    );
  });

  it('turns an imsx invalid_filter_field answer into ERR_ONEROSTER_BAD_QUERY', async () => {
    await assert.rejects(
      collect(v12, 'users', { filter: "shoeSize='9'" }),
      (error: { code: string; codeMinor: string }) => {
        assert.equal(error.code, 'ERR_ONEROSTER_BAD_QUERY');
        assert.equal(error.codeMinor, 'invalid_filter_field');
        return true;
      },
    );
  });

  it('turns an unknown collection into ERR_ONEROSTER_NOT_FOUND', async () => {
    await assert.rejects(collect(v11, 'gradebooks'), { code: 'ERR_ONEROSTER_NOT_FOUND' });
  });

  it('gives up with ERR_ONEROSTER_UNREACHABLE when nothing answers', async () => {
    const client = new OneRosterClient({
      version: '1.1',
      baseUrl: 'http://127.0.0.1:9',
      auth: { kind: 'oauth1', consumerKey: 'k', consumerSecret: 's' },
      retry: { maxRetries: 1, baseDelayMs: 1 },
      timeoutMs: 500,
    });
    await assert.rejects(client.count('orgs'), { code: 'ERR_ONEROSTER_UNREACHABLE' });
  });

  it('refuses a Link to another origin instead of sending credentials there', async () => {
    const redirecting = await startProvider();
    redirecting.settings.linkOrigin = 'http://127.0.0.2:9';
    try {
      const client = new OneRosterClient({
        version: '1.1',
        baseUrl: redirecting.url,
        pageSize: 10,
        auth: { kind: 'oauth1', consumerKey: 'test-client', consumerSecret: 'test-secret' },
      });
      await assert.rejects(collect(client, 'users'), { code: 'ERR_ONEROSTER_BAD_RESPONSE' });
    } finally {
      await redirecting.stop();
    }
  });

  it('reads the next page from a Link header', () => {
    const header =
      '<https://p.example/users?offset=0&limit=2>; rel="first", <https://p.example/users?offset=2&limit=2>; rel="next"';
    assert.equal(nextLink(header), 'https://p.example/users?offset=2&limit=2');
    assert.equal(nextLink('<https://p.example/users?offset=0>; rel="prev"'), undefined);
  });

  it('reads Retry-After as seconds or as an HTTP date, and caps the wait', () => {
    const now = Date.parse('2026-10-15T15:00:00Z');
    assert.equal(parseRetryAfterMs('3', now), 3000);
    assert.equal(parseRetryAfterMs('Thu, 15 Oct 2026 15:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfterMs('soon', now), undefined);
    const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5000, random: () => 0.5 };
    assert.equal(retryDelayMs(policy, 0, 2000), 2125);
    assert.equal(retryDelayMs(policy, 3), 400);
    assert.equal(retryDelayMs(policy, 20), 2500);
    assert.equal(retryDelayMs(policy, 0, 60_000), 5000);
  });

  it('reads imsx status payloads of both bindings', () => {
    assert.deepEqual(
      readImsxStatus({
        statusInfoSet: [
          { imsx_codeMajor: 'failure', imsx_codeMinor: 'unknownobject', imsx_description: 'x' },
        ],
      }),
      { codeMajor: 'failure', codeMinor: 'unknownobject', description: 'x' },
    );
    assert.equal(
      readImsxStatus({
        imsx_codeMajor: 'failure',
        imsx_CodeMinor: {
          imsx_codeMinorField: [
            {
              imsx_codeMinorFieldName: 'TargetEndSystem',
              imsx_codeMinorFieldValue: 'invalid_sort_field',
            },
          ],
        },
      })?.codeMinor,
      'invalid_sort_field',
    );
    assert.equal(readImsxStatus({ users: [] }), undefined);
  });
});
