import express, { type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { generatePlatformKey, type PlatformKey } from './platform-keys.js';
import { signRawJwt } from './raw-jwt.js';
import {
  buildLaunchClaims,
  newLaunchId,
  type PendingLaunch,
  type PlatformUser,
} from './launch-claims.js';

/** A tool client registered on this platform. */
export interface ToolClient {
  clientId: string;
  deploymentId: string;
  loginUrl: string;
  redirectUris: string[];
  jwksUrl: string;
}

/** A member of a context for NRPS. */
export interface ContextMemberRecord {
  user_id: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
  lis_person_sourcedid?: string;
}

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));
const NRPS_PAGE_SIZE = 2;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An LTI 1.3 platform written from the 1EdTech specifications, for tests and the demo only:
 * OpenID configuration, JWKS, OIDC authorization endpoint (implicit flow, form_post), token
 * endpoint (client credentials with a JWT assertion checked against the tool's JWKS), Dynamic
 * Registration endpoint, NRPS memberships (paged) and the deep-linking return.
 */
export class LtiPlatformPeer {
  url = '';
  readonly key: PlatformKey = generatePlatformKey(`platform-${randomUUID().slice(0, 8)}`);
  readonly clients = new Map<string, ToolClient>();
  readonly memberships = new Map<string, ContextMemberRecord[]>();
  readonly deepLinkReturns: JWTPayload[] = [];
  readonly issuedServiceTokens: string[] = [];
  readonly registrationTokens = new Set<string>();
  readonly #launches = new Map<string, PendingLaunch>();
  #server: Server | undefined;
  /** The platform's clock in seconds; tests freeze it to the tool's. */
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000);
  productFamilyCode = 'ccmr-test-platform';

  /**
   * Serves the platform from another server under `baseUrl` (the demo mounts it inside the
   * tool's own server); `start` is the stand-alone alternative.
   * @returns the Express application to mount.
   */
  attach(baseUrl: string): express.Express {
    this.url = baseUrl.replace(/\/+$/, '');
    return this.#buildApp();
  }

  /** Starts listening on a loopback address. */
  async start(host = '127.0.0.1', port = 0): Promise<this> {
    const app = this.#buildApp();
    this.#server = createServer(app);
    await new Promise<void>((resolve) => this.#server!.listen(port, host, resolve));
    const address = this.#server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
  }

  get issuer(): string {
    return this.url;
  }

  /** Registers a tool by hand (what an LMS administrator does in manual registration). */
  addClient(
    client: Omit<ToolClient, 'clientId' | 'deploymentId'> & Partial<ToolClient>,
  ): ToolClient {
    const full = {
      clientId: `client-${randomUUID().slice(0, 8)}`,
      deploymentId: `dep-${randomUUID().slice(0, 8)}`,
      ...client,
    };
    this.clients.set(full.clientId, full);
    return full;
  }

  /** A registration token for Dynamic Registration (single use). */
  issueRegistrationToken(): string {
    const token = randomUUID();
    this.registrationTokens.add(token);
    return token;
  }

  /**
   * Prepares a launch and returns the login initiation parameters the platform would send.
   */
  prepareLaunch(
    input: Omit<PendingLaunch, 'id' | 'usesPlatformStorage'> & { usesPlatformStorage?: boolean },
  ) {
    const launch: PendingLaunch = { usesPlatformStorage: false, ...input, id: newLaunchId() };
    this.#launches.set(launch.id, launch);
    const params = this.#loginParams(launch);
    return { launch, params };
  }

  /** Signs any payload with the platform key; header defaults to RS256 with the platform kid. */
  sign(payload: object, header: object = { alg: 'RS256', kid: this.key.kid, typ: 'JWT' }): string {
    return signRawJwt(header, payload, this.key.privateKey);
  }

  /** The id_token claims the platform would issue for a prepared launch and a nonce. */
  claimsFor(launch: PendingLaunch, nonce: string): Record<string, unknown> {
    return buildLaunchClaims(launch, {
      issuer: this.issuer,
      nonce,
      nowSeconds: this.nowSeconds(),
      platformUrl: this.url,
    });
  }

  /** The page of a course that frames the tool's login initiation URL. */
  coursePageUrl(launch: PendingLaunch, loginUrl: string): string {
    const params = this.#loginParams(launch);
    const target = new URL(loginUrl);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    return `${this.url}/course?frame=${encodeURIComponent(target.toString())}`;
  }

  #loginParams(launch: PendingLaunch): Record<string, string> {
    const params: Record<string, string> = {
      iss: this.issuer,
      login_hint: launch.user.sub,
      target_link_uri: launch.targetLinkUri,
      lti_message_hint: launch.id,
      lti_deployment_id: launch.deploymentId,
      client_id: launch.clientId,
    };
    if (launch.usesPlatformStorage) params.lti_storage_target = '_parent';
    return params;
  }

  #buildApp() {
    const app = express();
    app.set('query parser', 'simple');
    const form = express.urlencoded({ extended: false });
    app.use('/assets', express.static(ASSETS));
    app.get('/.well-known/openid-configuration', (req, res) => this.#openidConfiguration(req, res));
    app.get('/jwks', (_req, res) => void res.json({ keys: [this.key.publicJwk] }));
    app.get('/auth', (req, res) => this.#authorize(req.query as Record<string, string>, res));
    app.post('/auth', form, (req, res) => this.#authorize(req.body as Record<string, string>, res));
    app.post('/token', form, (req, res) => this.#token(req, res));
    app.post('/register', express.json(), (req, res) => this.#register(req, res));
    app.get('/nrps/:contextId/memberships', (req, res) => this.#memberships(req, res));
    app.post('/deep-link-return', form, (req, res) => this.#deepLinkReturn(req, res));
    app.get('/course', (req, res) => this.#coursePage(req, res));
    return app;
  }

  #openidConfiguration(req: Request, res: Response): void {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (token === undefined || !this.registrationTokens.has(token)) {
      res.status(401).json({ error: 'invalid_token' });
      return;
    }
    res.json({
      issuer: this.issuer,
      authorization_endpoint: `${this.url}/auth`,
      registration_endpoint: `${this.url}/register`,
      jwks_uri: `${this.url}/jwks`,
      token_endpoint: `${this.url}/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      scopes_supported: [
        'openid',
        'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
      ],
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      claims_supported: ['sub', 'iss', 'email', 'locale'],
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: this.productFamilyCode,
        version: '1.0',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
      },
    });
  }

  // Security Framework §5.1.1.2–5.1.1.3: checks the authentication request, then posts the
  // id_token with the tool's state and nonce back to the registered redirect_uri.
  #authorize(query: Record<string, string>, res: Response): void {
    const client = this.clients.get(query.client_id ?? '');
    const launch = this.#launches.get(query.lti_message_hint ?? '');
    const problems = [
      query.scope !== 'openid' && 'scope',
      query.response_type !== 'id_token' && 'response_type',
      query.response_mode !== 'form_post' && 'response_mode',
      query.prompt !== 'none' && 'prompt',
      !client && 'client_id',
      client && !client.redirectUris.includes(query.redirect_uri ?? '') && 'redirect_uri',
      !launch && 'lti_message_hint',
      launch && launch.user.sub !== query.login_hint && 'login_hint',
      !query.nonce && 'nonce',
      !query.state && 'state',
    ].filter(Boolean);
    if (problems.length > 0 || !launch) {
      res
        .status(400)
        .type('text')
        .send(`invalid_request: ${problems.join(', ')}`);
      return;
    }
    const idToken = this.sign(this.claimsFor(launch, query.nonce!));
    const fields: Record<string, string> = { id_token: idToken, state: query.state! };
    if (launch.usesPlatformStorage) fields.lti_storage_target = '_parent';
    const inputs = Object.entries(fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
      .join('');
    res
      .type('html')
      .send(
        `<!doctype html><html><head><title>Launching</title><script src="${this.url}/assets/auto-post.js" defer></script></head>` +
          `<body><form id="auto-post" method="post" action="${escapeHtml(query.redirect_uri!)}">${inputs}</form></body></html>`,
      );
  }

  // Security Framework §4.1: client credentials with a JWT assertion signed by the tool.
  async #token(req: Request, res: Response): Promise<void> {
    const body = req.body as Record<string, string>;
    try {
      if (body.grant_type !== 'client_credentials') throw new Error('grant_type');
      if (body.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        throw new Error('assertion type');
      const unverified = JSON.parse(
        Buffer.from(body.client_assertion!.split('.')[1]!, 'base64url').toString(),
      ) as JWTPayload;
      const client = this.clients.get(String(unverified.iss));
      if (!client) throw new Error('client');
      await jwtVerify(body.client_assertion!, createRemoteJWKSet(new URL(client.jwksUrl)), {
        algorithms: ['RS256'],
        issuer: client.clientId,
        subject: client.clientId,
        audience: `${this.url}/token`,
        currentDate: new Date(this.nowSeconds() * 1000),
      });
      const token = `at-${randomUUID()}`;
      this.issuedServiceTokens.push(token);
      res.json({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: body.scope });
    } catch (error) {
      res
        .status(400)
        .json({ error: 'invalid_client', error_description: (error as Error).message });
    }
  }

  // Dynamic Registration 1.0 §3.5: accepts the tool configuration, answers with a client id.
  #register(req: Request, res: Response): void {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (token === undefined || !this.registrationTokens.delete(token)) {
      res.status(401).json({ error: 'invalid_token' });
      return;
    }
    const body = req.body as Record<string, unknown>;
    const toolConfig = body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as
      Record<string, unknown> | undefined;
    if (
      !toolConfig ||
      !Array.isArray(body.redirect_uris) ||
      typeof body.initiate_login_uri !== 'string' ||
      typeof body.jwks_uri !== 'string'
    ) {
      res.status(400).json({ error: 'invalid_client_metadata' });
      return;
    }
    const client = this.addClient({
      loginUrl: body.initiate_login_uri,
      redirectUris: body.redirect_uris as string[],
      jwksUrl: body.jwks_uri,
    });
    res.json({
      ...body,
      client_id: client.clientId,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        ...toolConfig,
        deployment_id: client.deploymentId,
      },
    });
  }

  // NRPS 2.0 §2.4: membership container, paged with Link rel="next".
  #memberships(req: Request, res: Response): void {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (!token || !this.issuedServiceTokens.includes(token)) {
      res.status(401).json({ error: 'invalid_token' });
      return;
    }
    const contextId = String(req.params.contextId);
    const members = this.memberships.get(contextId) ?? [];
    const offset = Number(req.query.offset ?? 0);
    const page = members.slice(offset, offset + NRPS_PAGE_SIZE);
    if (offset + NRPS_PAGE_SIZE < members.length) {
      res.setHeader(
        'Link',
        `<${this.url}/nrps/${encodeURIComponent(contextId)}/memberships?offset=${offset + NRPS_PAGE_SIZE}>; rel="next"`,
      );
    }
    res.type('application/vnd.ims.lti-nrps.v2.membershipcontainer+json').send(
      JSON.stringify({
        id: req.originalUrl,
        context: { id: contextId },
        members: page.map((m) => ({ status: 'Active', ...m })),
      }),
    );
  }

  // Deep Linking 2.0 §4.5: verifies the tool's response with the tool's JWKS.
  async #deepLinkReturn(req: Request, res: Response): Promise<void> {
    const jwt = (req.body as Record<string, string>).JWT ?? '';
    try {
      const unverified = JSON.parse(
        Buffer.from(jwt.split('.')[1]!, 'base64url').toString(),
      ) as JWTPayload;
      const client = this.clients.get(String(unverified.iss));
      if (!client) throw new Error('unknown client');
      const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(client.jwksUrl)), {
        algorithms: ['RS256'],
        issuer: client.clientId,
        audience: this.issuer,
        currentDate: new Date(this.nowSeconds() * 1000),
      });
      this.deepLinkReturns.push(payload);
      res
        .type('html')
        .send(
          '<!doctype html><html><head><title>Added</title></head><body><p id="dl-ok">Content added</p></body></html>',
        );
    } catch (error) {
      res
        .status(400)
        .type('text')
        .send(`invalid deep-linking response: ${(error as Error).message}`);
    }
  }

  #coursePage(req: Request, res: Response): void {
    const frame = String(req.query.frame ?? '');
    res
      .type('html')
      .send(
        `<!doctype html><html><head><title>Course</title><script src="${this.url}/assets/platform-page.js" defer></script></head>` +
          `<body><h1>Course page</h1><iframe id="tool-frame" name="tool" title="CCMR Readiness" width="900" height="600" ` +
          `data-src="${escapeHtml(frame)}"></iframe></body></html>`,
      );
  }

  /** Lets the demo build user records. */
  static user(sub: string, extra: Omit<PlatformUser, 'sub'> = {}): PlatformUser {
    return { sub, ...extra };
  }
}
