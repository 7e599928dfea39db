import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CsvImportError } from '../errors.js';

/** An open zip: its entries by base name, each readable as a stream. */
export interface ZipArchive {
  has(name: string): boolean;
  open(name: string): Promise<Readable>;
  close(): void;
}

/**
 * Opens a zip and lists its entries (the central directory only; nothing is decompressed yet).
 * Entries are known by their base name, so a zip made of a folder works too.
 * @throws CsvImportError (ERR_ONEROSTER_CSV_NOT_A_ZIP)
 */
export async function openZipArchive(path: string): Promise<ZipArchive> {
  const label = path.split(/[\\/]/).pop()!;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) =>
      error
        ? reject(
            new CsvImportError(
              'ERR_ONEROSTER_CSV_NOT_A_ZIP',
              { file: label },
              'is not a readable zip archive',
            ),
          )
        : resolve(file!),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.split('/').pop()!, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () =>
      reject(
        new CsvImportError(
          'ERR_ONEROSTER_CSV_NOT_A_ZIP',
          { file: label },
          'is a damaged zip archive',
        ),
      ),
    );
    zip.readEntry();
  });
  return {
    has: (name) => entries.has(name),
    open: (name) =>
      new Promise((resolve, reject) =>
        zip.openReadStream(entries.get(name)!, (error, stream) =>
          error
            ? reject(
                new CsvImportError(
                  'ERR_ONEROSTER_CSV_NOT_A_ZIP',
                  { file: name },
                  'cannot be read from the zip',
                ),
              )
            : resolve(stream!),
        ),
      ),
    close: () => zip.close(),
  };
}
