#!/usr/bin/env node
// Entry point of the `ccmr` command. In production (NODE_ENV=production) it runs the compiled
// build from `npm run build`; everywhere else it runs the TypeScript sources through tsx, so a
// fresh checkout works without a build step and never runs a stale build.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'app', 'cli.js');

if (process.env.NODE_ENV === 'production' && existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'app', 'cli.ts')).href);
}
