import { SESSION_COOKIE } from '../../../lti/index.js';
import type { TestUserAgent } from '../../lti/support/user-agent.js';

/**
 * The launch session token the agent holds for the tool.
 *
 * @param agent - the browser stand-in after a launch.
 * @param toolUrl - the tool's origin.
 * @returns the token.
 */
export function readCookie(agent: TestUserAgent, toolUrl: string): string {
  const token = agent.cookiesFor(toolUrl).get(SESSION_COOKIE);
  if (!token) throw new Error('the launch set no session cookie');
  return token;
}
