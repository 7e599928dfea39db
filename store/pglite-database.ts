import { PGlite } from '@electric-sql/pglite';
import type { Database, Row, SqlExecutor, Transaction } from './database.js';
import {
  BYTEA_OID,
  DATE_OID,
  INT8_OID,
  NUMERIC_OID,
  parseBytea,
  parseDate,
  parseNumber,
} from './type-parsers.js';
import { makeTransaction } from './sql-transaction.js';
import { assembleDatabase } from './assemble-database.js';
import { runOutsideOtherTransactions } from './transaction-guard.js';

const parsers = {
  [INT8_OID]: parseNumber,
  [NUMERIC_OID]: parseNumber,
  [DATE_OID]: parseDate,
  [BYTEA_OID]: parseBytea,
};

/** PGlite hands bytea back as Uint8Array whatever the parser says; make it a Buffer like pg. */
function normaliseRows<T extends Row>(rows: Row[]): T[] {
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return rows as T[];
}

/**
 * Opens the embedded backend. `dataDir` is a folder, or undefined for an in-memory database
 * (tests). PGlite has one connection: its own mutex queues statements and transactions, so a
 * transaction never interleaves with other work.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ?? 'memory://', { parsers });

  async function inTransaction<T>(
    opening: string | null,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return runOutsideOtherTransactions(() =>
      db.transaction(async (raw) => {
        const tx = makeTransaction(
          async <R extends Row>(text: string, params?: readonly unknown[]) =>
            normaliseRows<R>((await raw.query<Row>(text, params as unknown[] | undefined)).rows),
        );
        if (opening) await raw.exec(opening);
        return work(tx);
      }),
    );
  }

  const executor: SqlExecutor = {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        return { rows: normaliseRows((await db.query<Row>(text, values)).rows) };
      }
      // pg-boss sends multi-statement scripts without parameters; exec runs them all.
      const results = await db.exec(text);
      return { rows: normaliseRows(results[results.length - 1]?.rows ?? []) };
    },
  };

  return assembleDatabase({
    kind: 'pglite',
    inTransaction,
    executor,
    ping: () => db.query('SELECT 1'),
    close: () => db.close(),
  });
}
