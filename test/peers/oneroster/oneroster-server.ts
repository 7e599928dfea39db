import express, { type Request, type Response } from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DistrictDataset } from './district-dataset.js';
import type { Entity, WireRecord } from './district-generator.js';
import { FaultPlan } from './fault-plan.js';
import { matchesFilter, parseFilter, valueAt, type FilterExpression } from './filter-expression.js';
import { ProviderAuth, type ProviderAuthOptions } from './provider-auth.js';
import { toWireVersion } from './wire-versions.js';

type Version = '1.1' | '1.2';

/** Base paths of the two versions (1.1 §3.1; 1.2 REST binding §2). */
export const BASE_PATHS: Record<Version, string> = {
  '1.1': '/ims/oneroster/v1p1',
  '1.2': '/ims/oneroster/rostering/v1p2',
};

/** Collections served: the entity behind each, the envelope key, and the subset it shows. */
const COLLECTIONS: Record<
  string,
  { entity: Entity; key: string; single: string; keep?: (r: WireRecord) => boolean }
> = {
  orgs: { entity: 'orgs', key: 'orgs', single: 'org' },
  schools: { entity: 'orgs', key: 'orgs', single: 'org', keep: (r) => r.type === 'school' },
  academicSessions: {
    entity: 'academicSessions',
    key: 'academicSessions',
    single: 'academicSession',
  },
  terms: {
    entity: 'academicSessions',
    key: 'academicSessions',
    single: 'academicSession',
    keep: (r) => r.type !== 'schoolYear',
  },
  courses: { entity: 'courses', key: 'courses', single: 'course' },
  classes: { entity: 'classes', key: 'classes', single: 'class' },
  users: { entity: 'users', key: 'users', single: 'user' },
  students: { entity: 'users', key: 'users', single: 'user', keep: (r) => roleOf(r) === 'student' },
  teachers: { entity: 'users', key: 'users', single: 'user', keep: (r) => roleOf(r) === 'teacher' },
  enrollments: { entity: 'enrollments', key: 'enrollments', single: 'enrollment' },
  demographics: { entity: 'demographics', key: 'demographics', single: 'demographics' },
};

function roleOf(record: WireRecord): string | undefined {
  return (record.roles as Array<{ role: string }> | undefined)?.[0]?.role;
}

/** Fields a record of the entity may have, beyond those of its first record. */
const OPTIONAL_FIELDS = [
  'middleName',
  'parent',
  'children',
  'metadata',
  'role',
  'orgs',
  'primaryOrg',
  'roles',
];

export interface OneRosterServerOptions extends Partial<ProviderAuthOptions> {
  dataset: DistrictDataset;
  /** Largest page served whatever `limit` asks (providers cap it). */
  maxLimit?: number;
  /** Delay before each data response, to make a sync slow enough to interrupt. */
  delayMs?: number;
}

export interface RunningOneRosterServer {
  /** The provider's root URL; the versioned base paths are below it. */
  url: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  dataset: DistrictDataset;
  faults: FaultPlan;
  auth: ProviderAuth;
  stats: { requests: number; inFlight: number; maxInFlight: number };
  /** Settings that tests change while the server runs. */
  settings: { delayMs: number; linkOrigin?: string };
  stop(): Promise<void>;
}

/** The imsx_StatusInfo error payload of each version (1.1 statusInfoSet; 1.2 root object, §3.4). */
function imsxError(version: Version, codeMinor: string, description: string) {
  if (version === '1.1') {
    return {
      statusInfoSet: [
        {
          imsx_codeMajor: 'failure',
          imsx_severity: 'error',
          imsx_codeMinor: codeMinor,
          imsx_description: description,
        },
      ],
    };
  }
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_CodeMinor: {
      imsx_codeMinorField: [
        { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
      ],
    },
  };
}

/**
 * A OneRoster 1.1 and 1.2 rostering provider over real HTTP on loopback, serving a generated
 * district: both auth schemes, limit/offset paging with X-Total-Count and Link, filter, sort,
 * orderBy and fields, imsx errors, and injectable 429/5xx answers with Retry-After.
 * Used by tests, benchmarks and the demo only.
 */
export async function startOneRosterServer(
  options: OneRosterServerOptions,
): Promise<RunningOneRosterServer> {
  const auth = new ProviderAuth({
    clientId: options.clientId ?? 'demo-client',
    clientSecret: options.clientSecret ?? 'demo-secret',
    allowedScopes: options.allowedScopes ?? [
      'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly',
      'https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly',
      'https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly',
    ],
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  });
  const faults = new FaultPlan();
  const stats = { requests: 0, inFlight: 0, maxInFlight: 0 };
  const settings: RunningOneRosterServer['settings'] = { delayMs: options.delayMs ?? 0 };
  const maxLimit = options.maxLimit ?? 5000;
  const dataset = options.dataset;
  const knownFields = new Map<string, Set<string>>();

  function fieldsOf(entity: Entity, version: Version): Set<string> {
    const key = `${entity}|${version}`;
    let set = knownFields.get(key);
    if (!set) {
      const sample = toWireVersion(entity, dataset.generator.recordAt(entity, 0), version, '');
      knownFields.set(key, (set = new Set([...Object.keys(sample), ...OPTIONAL_FIELDS])));
    }
    return set;
  }

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.post('/oauth/token', express.urlencoded({ extended: false }), function issueToken(req, res) {
    const { status, body } = auth.issueToken(req);
    res.status(status).set('Cache-Control', 'no-store').json(body);
  });

  for (const version of ['1.1', '1.2'] as const) {
    const base = BASE_PATHS[version];
    const handler = (req: Request, res: Response) => serve(version, req, res);
    app.get(`${base}/:collection`, handler);
    app.get(`${base}/:collection/:id`, handler);
  }

  async function serve(version: Version, req: Request, res: Response): Promise<void> {
    stats.requests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      if (settings.delayMs > 0) await new Promise((r) => setTimeout(r, settings.delayMs));
      answer(version, req, res);
    } finally {
      stats.inFlight -= 1;
    }
  }

  function fail(
    res: Response,
    version: Version,
    status: number,
    codeMinor: string,
    description: string,
  ) {
    res.status(status).json(imsxError(version, codeMinor, description));
  }

  function isAuthorized(version: Version, req: Request): boolean {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Bearer ')) return auth.isBearerValid(header);
    return version === '1.1' && auth.isOauth1Valid(req);
  }

  function answer(version: Version, req: Request, res: Response): void {
    const fault = faults.take(req.path);
    if (fault) {
      if (fault.retryAfter !== undefined) res.set('Retry-After', fault.retryAfter);
      return fail(
        res,
        version,
        fault.status,
        fault.status === 429 ? 'server_busy' : 'internal_server_error',
        'injected fault',
      );
    }
    if (!isAuthorized(version, req))
      return fail(res, version, 401, 'unauthorisedrequest', 'missing or invalid credentials');
    const collection = COLLECTIONS[String(req.params.collection)];
    if (!collection) return fail(res, version, 404, 'unknownobject', 'no such collection');
    if (req.params.id !== undefined)
      return answerOne(version, collection, String(req.params.id), res);
    answerList(version, collection, req, res);
  }

  function answerOne(
    version: Version,
    collection: (typeof COLLECTIONS)[string],
    id: string,
    res: Response,
  ) {
    const record = dataset.get(collection.entity, id);
    if (!record || (collection.keep && !collection.keep(record))) {
      return fail(res, version, 404, 'unknownobject', 'no such record');
    }
    res.json({
      [collection.single]: toWireVersion(
        collection.entity,
        record,
        version,
        fullBase(res, version),
      ),
    });
  }

  function fullBase(res: Response, version: Version): string {
    return `${res.req.protocol}://${res.req.headers.host}${BASE_PATHS[version]}`;
  }

  function answerList(
    version: Version,
    collection: (typeof COLLECTIONS)[string],
    req: Request,
    res: Response,
  ) {
    const q = req.query as Record<string, unknown>;
    if (Object.values(q).some((v) => typeof v !== 'string'))
      return fail(res, version, 400, 'invaliddata', 'repeated parameter');
    const query = q as Record<string, string | undefined>;
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    const offset = query.offset === undefined ? 0 : Number(query.offset);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
      return fail(
        res,
        version,
        400,
        'invaliddata',
        'limit and offset must be non-negative integers',
      );
    }
    const known = fieldsOf(collection.entity, version);
    let filter: FilterExpression | undefined;
    if (query.filter !== undefined) {
      filter = parseFilter(query.filter);
      if (!filter || filter.flat().some((p) => !known.has(p.field.split('.')[0]!))) {
        return fail(
          res,
          version,
          400,
          'invalid_filter_field',
          'the filter is malformed or names an unknown field',
        );
      }
    }
    if (query.sort !== undefined && !known.has(query.sort))
      return fail(res, version, 400, 'invalid_sort_field', 'unknown sort field');
    const fields = query.fields
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    if (fields?.some((f) => !known.has(f)))
      return fail(res, version, 400, 'invalid_selection_field', 'unknown field');
    const pageSize = Math.min(limit, maxLimit);
    const baseUrl = fullBase(res, version);
    const { total, page } = selectPage(version, collection, baseUrl, {
      filter,
      sort: query.sort,
      orderBy: query.orderBy,
      offset,
      pageSize,
    });
    const shaped = fields
      ? page.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])))
      : page;
    res.set('X-Total-Count', String(total));
    res.set('Link', linkHeader(req, res, total, offset, pageSize));
    res.json({ [collection.key]: shaped });
  }

  function selectPage(
    version: Version,
    collection: (typeof COLLECTIONS)[string],
    baseUrl: string,
    q: {
      filter?: FilterExpression;
      sort?: string;
      orderBy?: string;
      offset: number;
      pageSize: number;
    },
  ): { total: number; page: WireRecord[] } {
    const entity = collection.entity;
    const wire = (r: WireRecord) => toWireVersion(entity, r, version, baseUrl);
    if (!q.filter && !q.sort && !collection.keep && dataset.isDirectlyAddressable(entity)) {
      const total = dataset.count(entity);
      const page: WireRecord[] = [];
      for (let i = q.offset; i < Math.min(total, q.offset + q.pageSize); i += 1)
        page.push(wire(dataset.recordAtPosition(entity, i)));
      return { total, page };
    }
    const matching: WireRecord[] = [];
    let total = 0;
    for (const record of dataset.records(entity)) {
      if (collection.keep && !collection.keep(record)) continue;
      const served = wire(record);
      if (q.filter && !matchesFilter(served, q.filter)) continue;
      if (q.sort || (total >= q.offset && total < q.offset + q.pageSize)) matching.push(served);
      total += 1;
    }
    if (!q.sort) return { total, page: matching };
    const direction = q.orderBy === 'desc' ? -1 : 1;
    matching.sort(
      (a, b) =>
        direction *
        String(valueAt(a, q.sort!) ?? '').localeCompare(String(valueAt(b, q.sort!) ?? '')),
    );
    return { total, page: matching.slice(q.offset, q.offset + q.pageSize) };
  }

  function linkHeader(
    req: Request,
    res: Response,
    total: number,
    offset: number,
    limit: number,
  ): string {
    // linkOrigin lets a test make the provider link elsewhere, as a misconfigured proxy would.
    const url = new URL(
      req.originalUrl,
      settings.linkOrigin ?? `${res.req.protocol}://${req.headers.host}`,
    );
    const at = (o: number) => {
      url.searchParams.set('offset', String(o));
      url.searchParams.set('limit', String(limit));
      return url.toString();
    };
    const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const links = [`<${at(0)}>; rel="first"`, `<${at(last)}>; rel="last"`];
    if (offset + limit < total) links.push(`<${at(offset + limit)}>; rel="next"`);
    if (offset > 0) links.push(`<${at(Math.max(0, offset - limit))}>; rel="prev"`);
    return links.join(', ');
  }

  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    dataset,
    faults,
    auth,
    stats,
    settings,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
