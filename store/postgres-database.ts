import pg from 'pg';
import type { Database, Row, SqlExecutor, Transaction } from './database.js';
import { DATE_OID, INT8_OID, NUMERIC_OID, parseDate, parseNumber } from './type-parsers.js';
import { makeTransaction } from './sql-transaction.js';
import { assembleDatabase } from './assemble-database.js';
import { runOutsideOtherTransactions } from './transaction-guard.js';

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID || oid === NUMERIC_OID) return parseNumber;
    if (oid === DATE_OID) return parseDate;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Options of the PostgreSQL backend. */
export interface PostgresOptions {
  connectionString: string;
  /** Most connections held at once by this process. */
  maxConnections?: number;
}

/** Opens the PostgreSQL backend over a connection pool. */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types,
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);

  async function inTransaction<T>(
    opening: string | null,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return runOutsideOtherTransactions(async () => {
      const client = await pool.connect();
      const tx = makeTransaction(
        async <R extends Row>(text: string, params?: readonly unknown[]) => {
          const result = await client.query(text, params as unknown[] | undefined);
          return result.rows as R[];
        },
      );
      try {
        // One simple-protocol message carries both statements: one round trip, not two.
        await client.query(opening ? `BEGIN; ${opening}` : 'BEGIN');
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  const executor: SqlExecutor = {
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // A multi-statement text returns one result per statement; pg-boss reads the last.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    },
  };

  return assembleDatabase({
    kind: 'postgres',
    inTransaction,
    executor,
    ping: () => pool.query('SELECT 1'),
    close: () => pool.end(),
  });
}
