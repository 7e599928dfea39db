/**
 * The browsers of the LTI launch benchmark, in a worker thread: they make the logins and post the
 * signed id_tokens over real HTTP, so their CPU does not run on the tool server's event loop, as
 * with an external load generator. They use node:http with kept-alive connections and a cookie
 * jar each, the least CPU a client can take, since they share this machine's cores with the tool
 * and its database.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { parentPort } from 'node:worker_threads';

/** A request from the main thread: one phase of a round, every launch of it at once. */
export type LoadCommand =
  | { kind: 'login'; round: number; loginUrls: string[] }
  | { kind: 'launch'; launchUrl: string; states: string[]; idTokens: string[] };

/** The answer to a command, in the same order as its launches. */
export type LoadAnswer =
  | { kind: 'login'; logins: Array<{ status: number; state: string; nonce: string }> }
  | { kind: 'launch'; statuses: number[] };

const agent = new Agent({ keepAlive: true });

/** One simulated browser: its own address and its cookies for the tool. */
class BenchBrowser {
  readonly #cookies = new Map<string, string>();
  readonly #address: string;

  constructor(address: string) {
    this.#address = address;
  }

  async send(url: string, form?: Record<string, string>) {
    const headers: Record<string, string> = {
      accept: 'text/html',
      'x-forwarded-for': this.#address,
    };
    if (this.#cookies.size > 0) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const body = form ? new URLSearchParams(form).toString() : undefined;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await exchange(url, body === undefined ? 'GET' : 'POST', headers, body);
    for (const line of response.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
    return response;
  }
}

function exchange(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent }, (incoming) => {
      // The body is read to its end, so the connection is free for the next request.
      incoming.resume();
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode!, headers: incoming.headers }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

let browsers: BenchBrowser[] = [];

// Each simulated browser has its own address (one proxy hop is trusted), as the per-address
// rate limit of /lti/login and /lti/launch expects of launches coming from many people.
function browserAt(round: number, index: number): BenchBrowser {
  return new BenchBrowser(`10.1.${round}.${index + 1}`);
}

async function login(round: number, loginUrls: string[]): Promise<LoadAnswer> {
  browsers = loginUrls.map((_, i) => browserAt(round, i));
  const responses = await Promise.all(loginUrls.map((url, i) => browsers[i]!.send(url)));
  const logins = responses.map((response) => {
    const auth = response.headers.location ? new URL(response.headers.location) : undefined;
    return {
      status: response.status,
      state: auth?.searchParams.get('state') ?? '',
      nonce: auth?.searchParams.get('nonce') ?? '',
    };
  });
  return { kind: 'login', logins };
}

async function launch(launchUrl: string, states: string[], idTokens: string[]) {
  const responses = await Promise.all(
    browsers.map((browser, i) =>
      browser.send(launchUrl, { id_token: idTokens[i]!, state: states[i]! }),
    ),
  );
  return { kind: 'launch', statuses: responses.map((response) => response.status) };
}

parentPort!.on('message', (command: LoadCommand) => {
  const answer =
    command.kind === 'login'
      ? login(command.round, command.loginUrls)
      : launch(command.launchUrl, command.states, command.idTokens);
  void answer.then((value) => parentPort!.postMessage(value));
});
