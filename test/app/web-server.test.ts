import assert from 'node:assert/strict';
import { createTestContext, startTestServer, type TestContext } from '../support/test-context.js';
import type { RunningServer } from '../../app/web/start-server.js';
import { serializeError } from '../../app/logger.js';

/** Personal data a careless request might carry; none of it may reach a log line. */
const MARKERS = {
  name: 'Xiomara-Quintanilla-7731',
  email: 'xiomara.q7731@example.org',
  studentId: 'TX-SID-5550199',
  token: 'eyJhbGciOiJSUzI1NiJ9.secret-token-marker-88',
};

describe('web server', () => {
  let context: TestContext;
  let server: RunningServer;

  before(async () => {
    context = await createTestContext();
    server = await startTestServer(context);
    // After start: the LTI routes load the registered platforms' origins as they mount.
    context.platformOrigins.set(['https://lms.example.edu', 'https://sis.example.edu/path']);
  });

  after(async () => {
    await server.stop();
    await context.close();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(health.status, 200);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });

  it('lets only the registered platforms frame the tool', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(
      csp,
      /frame-ancestors 'self' https:\/\/lms\.example\.edu https:\/\/sis\.example\.edu/,
    );
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers.get('x-frame-options'), null);
  });

  it('answers an unknown path with a coded 404 and no detail', async () => {
    const response = await fetch(`${server.url}/nowhere`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { code: string }).code, 'ERR_HTTP_NOT_FOUND');
  });

  it('leaves no personal data of a request in the logs', async () => {
    const query = new URLSearchParams({
      name: MARKERS.name,
      email: MARKERS.email,
      id_token: MARKERS.token,
    });
    await fetch(`${server.url}/healthz?${query}`, {
      headers: { authorization: `Bearer ${MARKERS.token}`, cookie: `sid=${MARKERS.token}` },
    });
    await fetch(`${server.url}/students/${MARKERS.name}/${MARKERS.studentId}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': MARKERS.email },
      body: JSON.stringify(MARKERS),
    });
    const logged = context.logs.text();
    assert.ok(logged.includes('http.request.completed'), 'the requests were logged');
    for (const marker of Object.values(MARKERS)) {
      assert.equal(logged.includes(marker), false, `log contains ${marker}`);
    }
  });

  it('serialises a driver error without the value it quotes', () => {
    const error = Object.assign(
      new Error(`invalid input syntax for type uuid: "${MARKERS.email}"`),
      {
        code: '22P02',
      },
    );
    const serialised = JSON.stringify(serializeError(error));
    assert.equal(serialised.includes(MARKERS.email), false);
    assert.match(serialised, /22P02/);
  });
});
