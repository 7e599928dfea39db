import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../app-context.js';

/** `/healthz`: the process is alive. `/readyz`: it can reach its database. */
export function healthRoutes(context: AppContext): Router {
  const router = Router();
  router.get('/healthz', function reportAlive(_req: Request, res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async function reportReady(_req: Request, res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    const ready = await context.db.isReachable();
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', database: context.db.kind });
  });
  return router;
}
