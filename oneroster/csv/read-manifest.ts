import { parse } from 'csv-parse/sync';
import { CsvImportError } from '../errors.js';
import type { RosterEntity } from '../sync-counts.js';
import type { ZipArchive } from './zip-archive.js';
import { text } from 'node:stream/consumers';

export type FileMode = 'bulk' | 'delta' | 'absent';

/** What manifest.csv says (OneRoster 1.1 §2.2, 1.2 CSV binding §3). */
export interface Manifest {
  version: '1.1' | '1.2';
  files: Record<RosterEntity, FileMode> & { roles: FileMode };
}

const FILE_NAMES = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'enrollments',
  'demographics',
  'roles',
] as const;

/**
 * Reads and checks manifest.csv, and that every file it lists as bulk or delta is in the zip.
 * @throws CsvImportError (ERR_ONEROSTER_CSV_MANIFEST, ERR_ONEROSTER_CSV_MISSING_FILE)
 */
export async function readManifest(zip: ZipArchive): Promise<Manifest> {
  const where = (row?: number, column?: string) => ({ file: 'manifest.csv', row, column });
  if (!zip.has('manifest.csv'))
    throw new CsvImportError('ERR_ONEROSTER_CSV_MISSING_FILE', where(), 'is missing from the zip');
  let rows: string[][];
  try {
    rows = parse(await text(await zip.open('manifest.csv')), {
      bom: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    throw new CsvImportError('ERR_ONEROSTER_CSV_MANIFEST', where(), 'is not valid CSV');
  }
  if (rows[0]?.[0] !== 'propertyName' || rows[0]?.[1] !== 'value') {
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_MANIFEST',
      where(1),
      'header must be propertyName,value',
    );
  }
  const properties = new Map<string, { value: string; row: number }>();
  rows
    .slice(1)
    .forEach((row, i) =>
      properties.set(row[0] ?? '', { value: (row[1] ?? '').trim(), row: i + 2 }),
    );
  const version = properties.get('oneroster.version');
  if (version?.value !== '1.1' && version?.value !== '1.2') {
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_MANIFEST',
      where(version?.row, 'value'),
      'oneroster.version must be 1.1 or 1.2',
    );
  }
  const files = {} as Manifest['files'];
  for (const name of FILE_NAMES) {
    const entry = properties.get(`file.${name}`);
    const mode = (entry?.value ?? 'absent') as FileMode;
    if (!['bulk', 'delta', 'absent'].includes(mode)) {
      throw new CsvImportError(
        'ERR_ONEROSTER_CSV_MANIFEST',
        where(entry?.row, 'value'),
        `file.${name} must be bulk, delta or absent`,
      );
    }
    if (mode !== 'absent' && !zip.has(`${name}.csv`)) {
      throw new CsvImportError(
        'ERR_ONEROSTER_CSV_MISSING_FILE',
        { file: `${name}.csv` },
        `is listed as ${mode} in manifest.csv but missing from the zip`,
      );
    }
    files[name] = mode;
  }
  if (version.value === '1.2' && files.users !== 'absent' && files.roles === 'absent') {
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_MANIFEST',
      where(properties.get('file.roles')?.row, 'value'),
      'a 1.2 users file needs roles.csv (file.roles)',
    );
  }
  return { version: version.value, files };
}
