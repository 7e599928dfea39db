import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './errors.js';

/** Raised when another running process already holds the embedded database folder. */
export class DataDirLocked extends AppError {
  constructor(dataDir: string, pid: number) {
    super(
      'ERR_STORE_DATA_DIR_LOCKED',
      `the embedded database in ${dataDir} is already open in process ${pid}; ` +
        'stop that process first, or set DATA_DIR to another folder',
      { status: 503, expose: false },
    );
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file of an embedded database folder, since PGlite must never be opened by two
 * processes at once. A lock left by a process that no longer runs is taken over.
 * @returns a function that releases the lock.
 * @throws DataDirLocked (ERR_STORE_DATA_DIR_LOCKED) when a live process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'ccmr.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) {
        throw new DataDirLocked(dataDir, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLocked(dataDir, -1);
}
