/**
 * The dashboard benchmark's load generator, run in a worker thread so that the HTTP clients do
 * not share the server's event loop (as wrk or autocannon would not): the server's logged
 * durations then measure the server, not the clients' parsing of its answers. It sends `rounds`
 * rounds of `concurrency` simultaneous GETs of `url` and posts back the wall time in seconds.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** What the benchmark asks of the load generator. */
export interface LoadOrder {
  url: string;
  headers: Record<string, string>;
  rounds: number;
  concurrency: number;
}

/** What the load generator answers: the wall time, or the first failure. */
export type LoadReport = { wallSeconds: number } | { error: string };

async function sendRounds(order: LoadOrder): Promise<number> {
  const started = performance.now();
  for (let round = 0; round < order.rounds; round += 1) {
    await Promise.all(
      Array.from({ length: order.concurrency }, async () => {
        const response = await fetch(order.url, { headers: order.headers });
        if (response.status !== 200) throw new Error(`${order.url} answered ${response.status}`);
        await response.text();
      }),
    );
  }
  return (performance.now() - started) / 1000;
}

const order = workerData as LoadOrder;
sendRounds(order).then(
  (wallSeconds) => parentPort!.postMessage({ wallSeconds } satisfies LoadReport),
  (error: unknown) => parentPort!.postMessage({ error: String(error) } satisfies LoadReport),
);
