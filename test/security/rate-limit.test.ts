import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { AppContext } from '../../app/app-context.js';
import { handleErrors } from '../../app/web/error-handler.js';
import { createRateLimiter, RATE_LIMITS } from '../../privacy/index.js';
import { createTestContext, startTestServer } from '../support/test-context.js';

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('rate limits', () => {
  it('answers 429 ERR_PRIVACY_RATE_LIMITED with Retry-After once the bucket is empty, and refills', async () => {
    let clockMs = 0;
    const app = express();
    app.use(
      createRateLimiter({ group: 'test', capacity: 2, refillPerSecond: 0.5, nowMs: () => clockMs }),
    );
    app.get('/thing', (_req, res) => void res.json({ ok: true }));
    app.use(handleErrors);
    const { server, url } = await listen(app);
    try {
      assert.equal((await fetch(`${url}/thing`)).status, 200);
      assert.equal((await fetch(`${url}/thing`)).status, 200);
      const limited = await fetch(`${url}/thing`, { headers: { accept: 'application/json' } });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '2');
      assert.equal(((await limited.json()) as { code: string }).code, 'ERR_PRIVACY_RATE_LIMITED');
      clockMs += 2000;
      assert.equal((await fetch(`${url}/thing`)).status, 200);
    } finally {
      server.close();
    }
  });

  it('refuses a bucket without capacity at construction', () => {
    assert.throws(
      () => createRateLimiter({ group: 'x', capacity: 0, refillPerSecond: 1 }),
      TypeError,
    );
  });

  describe('on the product web server', () => {
    let context: AppContext;
    before(async () => {
      context = await createTestContext();
    });
    after(() => context.close());

    it('limits the LTI login per client and leaves the health check alone', async () => {
      const server = await startTestServer(context);
      try {
        // The bucket refills while the loop runs, so count the requests until the first refusal.
        let accepted = 0;
        let status = 0;
        while (accepted <= 2 * RATE_LIMITS.login.capacity) {
          status = (
            await fetch(`${server.url}/lti/login`, { headers: { accept: 'application/json' } })
          ).status;
          if (status === 429) break;
          accepted += 1;
        }
        assert.equal(status, 429);
        assert.ok(accepted >= RATE_LIMITS.login.capacity, `${accepted} requests passed first`);
        assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      } finally {
        await server.stop();
      }
    });
  });
});
