import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a district's files live: `<dataDir>/tenants/<tenantId>/` (imported files kept for
 * re-processing, generated exports). Every area that writes student files writes them here, so
 * deletion and offboarding find them.
 * @param dataDir the product's data folder.
 * @param tenantId the district.
 * @returns the folder path.
 */
export function tenantFilesFolder(dataDir: string, tenantId: string): string {
  return join(dataDir, 'tenants', tenantId);
}

async function listFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Removes every line that carries one of the identifiers from the district's text files; a file
 * left with no line at all is deleted. Line-based, as every file kept is CSV, NDJSON or text.
 * @param folder the district's file folder.
 * @param identifiers distinctive identifiers of the student.
 * @returns how many files were rewritten and deleted.
 */
export async function eraseSubjectFromFiles(
  folder: string,
  identifiers: readonly string[],
): Promise<{ rewritten: number; deleted: number }> {
  const result = { rewritten: 0, deleted: 0 };
  for (const path of await listFiles(folder)) {
    const lines = (await readFile(path, 'utf8')).split('\n');
    const kept = lines.filter(
      (line) => !identifiers.some((identifier) => line.includes(identifier)),
    );
    if (kept.length === lines.length) continue;
    const hasData = kept.some((line) => line.trim() !== '');
    if (hasData) {
      await writeFile(path, kept.join('\n'));
      result.rewritten += 1;
    } else {
      await rm(path);
      result.deleted += 1;
    }
  }
  return result;
}

/**
 * Deletes a district's whole file folder (offboarding).
 * @returns how many files were deleted.
 */
export async function deleteTenantFiles(folder: string): Promise<number> {
  const count = (await listFiles(folder)).length;
  await rm(folder, { recursive: true, force: true });
  return count;
}
