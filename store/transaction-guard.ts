import { AsyncLocalStorage } from 'node:async_hooks';

const insideTransaction = new AsyncLocalStorage<boolean>();

/**
 * Runs `work` marked as inside a transaction, and refuses to open a second one from within it.
 * A nested transaction would deadlock PGlite (one connection) and, on PostgreSQL, would silently
 * escape the outer transaction's atomicity; both are programming errors.
 */
export async function runOutsideOtherTransactions<T>(work: () => Promise<T>): Promise<T> {
  if (isInsideTransaction()) {
    throw new TypeError('a database transaction was opened inside another transaction');
  }
  return insideTransaction.run(true, work);
}

/** Whether the caller runs inside a transaction's work. */
export function isInsideTransaction(): boolean {
  return insideTransaction.getStore() === true;
}
