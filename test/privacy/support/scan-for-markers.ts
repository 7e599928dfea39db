import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Row, TenantCipher } from '../../../store/index.js';

/** Where a marker was found: `table.column`, `file:<path>` or `job:<table>`. */
export type MarkerHit = string;

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return null;
}

/** Every decryption the binding convention allows, so no ciphertext escapes the search. */
function decryptions(cipher: TenantCipher, table: string, column: string, row: Row): string[] {
  const stored = row[column];
  if (!Buffer.isBuffer(stored)) return [];
  const found: string[] = [];
  for (const binding of ['id', 'person_id', 'tenant_id']) {
    if (row[binding] === undefined) continue;
    for (const name of [column, column.replace(/_enc$/, '')]) {
      try {
        const plain = cipher.decrypt(stored, { table, column: name, rowId: String(row[binding]) });
        if (plain !== null) found.push(plain);
      } catch {
        // Not this binding.
      }
    }
  }
  return found;
}

/**
 * Searches every table of the database (as the owner, all districts), with ciphertexts of the
 * given district decrypted, plus the job queue, for any of the markers.
 * @returns where markers were found (empty when none).
 */
export async function scanDatabaseForMarkers(
  db: Database,
  cipher: TenantCipher,
  markers: readonly string[],
): Promise<MarkerHit[]> {
  const hits = new Set<MarkerHit>();
  const tables = await db.withOwner((tx) =>
    tx.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'pgboss')`,
    ),
  );
  for (const { schema, name } of tables) {
    const rows = await db.withOwner((tx) => tx.query<Row>(`SELECT * FROM ${schema}.${name}`));
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const texts = [textOf(value), ...decryptions(cipher, name, column, row)];
        if (texts.some((text) => text !== null && markers.some((m) => text.includes(m)))) {
          hits.add(`${schema}.${name}.${column}`);
        }
      }
    }
  }
  return [...hits].sort();
}

/** Searches every file under a folder for any of the markers. */
export async function scanFilesForMarkers(
  folder: string,
  markers: readonly string[],
): Promise<MarkerHit[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const hits: MarkerHit[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    if (markers.some((m) => text.includes(m))) hits.push(`file:${path}`);
  }
  return hits;
}
