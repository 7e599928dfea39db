import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `views/` source folder, which holds the templates, strings and static files. Found by
 * walking up from this module, so it resolves both from the sources (tsx) and from a compiled
 * `dist/` tree sitting beside them.
 *
 * @returns the absolute path of `views/`.
 * @throws TypeError when no `views/templates` folder exists above this module.
 */
export function locateViewsFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(folder, 'views');
    if (existsSync(join(folder, 'templates')) && existsSync(join(folder, 'strings'))) return folder;
    if (existsSync(join(candidate, 'templates'))) return candidate;
    folder = dirname(folder);
  }
  throw new TypeError('views/templates not found next to the views module');
}
