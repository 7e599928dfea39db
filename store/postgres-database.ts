import pg from 'pg';
import type { Database, Row, SqlExecutor, Transaction } from './database.js';
import { DATE_OID, INT8_OID, NUMERIC_OID, parseDate, parseNumber } from './type-parsers.js';
import { APP_ROLE, beginForTenant, makeTransaction } from './sql-transaction.js';
import { assembleDatabase, type TransactionScope } from './assemble-database.js';
import { runOutsideOtherTransactions } from './transaction-guard.js';
import type { SqlText } from './prepared-sql.js';

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
  /** Most connections held at once by this process, per pool (requests, owner work). */
  maxConnections?: number;
}

function openPool(options: PostgresOptions, startupOptions?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(startupOptions ? { options: startupOptions } : {}),
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** A query for pg: a prepared statement is sent by name, parsed and planned once a connection. */
function toPgQuery(sql: SqlText, params: readonly unknown[] | undefined): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  return typeof sql === 'string'
    ? { text: sql, values }
    : { name: sql.name, text: sql.text, values };
}

/**
 * Opens the PostgreSQL backend over two connection pools. Request work (tenant and system
 * transactions) uses connections that run as the application role from their start (the
 * `role` setting in the startup packet: a connection cannot open as anyone else, and fails if
 * the role is missing), so a transaction needs no round trip to switch role, and a single
 * statement needs no transaction at all. Owner work (migrations, pg-boss, offboarding) uses a
 * pool of its own, as the connecting user.
 */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const appPool = openPool(options, `-c role=${APP_ROLE}`);
  const ownerPool = openPool(options);

  async function inTransaction<T>(
    scope: TransactionScope,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return runOutsideOtherTransactions(async () => {
      const pool = scope.role === 'app' ? appPool : ownerPool;
      const client = await pool.connect();
      const tx = makeTransaction(
        async <R extends Row>(text: SqlText, params?: readonly unknown[]) => {
          const result = await client.query(toPgQuery(text, params));
          return result.rows as R[];
        },
      );
      try {
        // `set_config(…, true)` is local to the transaction: a pooled connection never carries
        // one district's context into the next request.
        await client.query(scope.role === 'app' ? beginForTenant(scope.tenantId) : 'BEGIN');
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

  async function systemQuery<T extends Row>(text: SqlText, params?: readonly unknown[]) {
    return runOutsideOtherTransactions(async () => {
      const result = await appPool.query(toPgQuery(text, params));
      return result.rows as T[];
    });
  }

  const executor: SqlExecutor = {
    async executeSql(text, values) {
      const result = await ownerPool.query(text, values);
      // A multi-statement text returns one result per statement; pg-boss reads the last.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    },
  };

  return assembleDatabase({
    kind: 'postgres',
    inTransaction,
    systemQuery,
    executor,
    ping: () => appPool.query('SELECT 1'),
    close: async () => {
      await Promise.all([appPool.end(), ownerPool.end()]);
    },
  });
}
