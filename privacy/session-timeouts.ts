import type { TenantTransaction } from '../store/index.js';
import { loadContractParameters, type ContractParameters } from './contract-parameters.js';

/** How long a launch session may live: since its last request, and in total. */
export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/**
 * The session timeouts a district's contract sets (defaults 30 minutes idle and 12 hours
 * absolute: NIST SP 800-63B AAL2 reauthentication, privacy-checklist.md R15).
 * @param parameters the district's contract parameters.
 * @returns the idle and absolute timeouts in milliseconds.
 */
export function sessionTimeoutsFrom(
  parameters: Pick<ContractParameters, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
): SessionTimeouts {
  return {
    idleMs: parameters.sessionIdleMinutes * 60_000,
    absoluteMs: parameters.sessionAbsoluteHours * 3_600_000,
  };
}

/**
 * Reads the session timeouts of the transaction's district (for the LTI session module).
 * @param tx a transaction of the district.
 * @returns the idle and absolute timeouts in milliseconds.
 */
export async function loadSessionTimeouts(tx: TenantTransaction): Promise<SessionTimeouts> {
  return sessionTimeoutsFrom(await loadContractParameters(tx));
}

/**
 * Answers whether a session has expired by either timeout.
 * @param session when it was created and last used.
 * @param timeouts the district's timeouts.
 * @param now the clock.
 * @returns true when the session must not be honoured any more.
 */
export function isSessionExpired(
  session: { createdAt: Date; lastSeenAt: Date },
  timeouts: SessionTimeouts,
  now: Date,
): boolean {
  const at = now.getTime();
  return (
    at - session.lastSeenAt.getTime() >= timeouts.idleMs ||
    at - session.createdAt.getTime() >= timeouts.absoluteMs
  );
}
