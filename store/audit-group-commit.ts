import type { Database } from './database.js';
import { appendTimedAudit, type AuditEvent, type TimedAuditEvent } from './audit-log.js';
import { isInsideTransaction } from './transaction-guard.js';

/** Most events one shared transaction writes; the rest wait for the next. */
const MAX_EVENTS_PER_TRANSACTION = 500;

interface Waiting extends TimedAuditEvent {
  resolve(): void;
  reject(error: unknown): void;
}

/** A district's events waiting for a transaction, and whether one is being written. */
interface DistrictQueue {
  waiting: Waiting[];
  isWriting: boolean;
}

const queuesByDatabase = new WeakMap<Database, Map<string, DistrictQueue>>();

function queueOf(db: Database, tenantId: string): DistrictQueue {
  let queues = queuesByDatabase.get(db);
  if (!queues) {
    queues = new Map();
    queuesByDatabase.set(db, queues);
  }
  let queue = queues.get(tenantId);
  if (!queue) {
    queue = { waiting: [], isWriting: false };
    queues.set(tenantId, queue);
  }
  return queue;
}

/** Writes the district's waiting events, a transaction at a time, until none is left. */
async function writeWaiting(db: Database, tenantId: string, queue: DistrictQueue): Promise<void> {
  queue.isWriting = true;
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, MAX_EVENTS_PER_TRANSACTION);
    try {
      await db.withTenant(tenantId, (tx) => appendTimedAudit(tx, batch));
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
  queue.isWriting = false;
  queuesByDatabase.get(db)?.delete(tenantId);
}

/**
 * Commits one event to a district's audit chain in a transaction of its own, shared with the
 * events other requests of the district commit meanwhile (group commit). Every append locks the
 * district's chain head until its transaction ends, so concurrent requests that each appended
 * in their own transaction would queue one by one on that lock; here they share one lock
 * instead. For events that need not commit atomically with a change, such as reads: call it
 * after the read, outside any transaction, and answer only once it resolves.
 *
 * @param db - the database.
 * @param tenantId - the district.
 * @param event - what happened.
 * @param now - when it happened.
 * @returns once the event is committed.
 * @throws TypeError when called inside a transaction; whatever failed the shared transaction
 *   (the event is then not recorded).
 */
export function commitAuditEvent(
  db: Database,
  tenantId: string,
  event: AuditEvent,
  now: Date,
): Promise<void> {
  // Refused before queueing: the shared transaction would otherwise run in the caller's
  // transaction context and fail the other requests that joined it.
  if (isInsideTransaction()) {
    return Promise.reject(
      new TypeError('a shared audit commit was asked for inside a transaction'),
    );
  }
  const queue = queueOf(db, tenantId);
  const committed = new Promise<void>((resolve, reject) => {
    queue.waiting.push({ event, at: now, resolve, reject });
  });
  if (!queue.isWriting) void writeWaiting(db, tenantId, queue);
  return committed;
}
