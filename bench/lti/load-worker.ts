/**
 * The browsers of the LTI launch benchmark, in a worker thread: they make the logins and post the
 * signed id_tokens over real HTTP, so their CPU (fetch, cookie jars) does not run on the tool
 * server's event loop, as with an external load generator.
 */
import { parentPort } from 'node:worker_threads';
import { TestUserAgent } from '../../test/lti/support/user-agent.js';

/** A request from the main thread: one phase of a round, every launch of it at once. */
export type LoadCommand =
  | { kind: 'login'; round: number; loginUrls: string[] }
  | { kind: 'launch'; launchUrl: string; states: string[]; idTokens: string[] };

/** The answer to a command, in the same order as its launches. */
export type LoadAnswer =
  | { kind: 'login'; logins: Array<{ status: number; state: string; nonce: string }> }
  | { kind: 'launch'; statuses: number[] };

let agents: TestUserAgent[] = [];

// Each simulated browser has its own address (one proxy hop is trusted), as the per-address
// rate limit of /lti/login and /lti/launch expects of launches coming from many people.
function browserAt(round: number, index: number): TestUserAgent {
  return new TestUserAgent({ 'x-forwarded-for': `10.1.${round}.${index + 1}` });
}

async function login(round: number, loginUrls: string[]): Promise<LoadAnswer> {
  agents = loginUrls.map((_, i) => browserAt(round, i));
  const responses = await Promise.all(loginUrls.map((url, i) => agents[i]!.request(url)));
  const logins = responses.map((response) => {
    const auth = response.location ? new URL(response.location) : undefined;
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
    agents.map((agent, i) =>
      agent.request(launchUrl, { form: { id_token: idTokens[i]!, state: states[i]! } }),
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
