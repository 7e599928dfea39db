// Copies what the compiled build reads at run time beside the compiled files: SQL migrations,
// LTI page assets, widget templates, strings and static files.
import { cpSync, existsSync } from 'node:fs';

const folders = [
  'store/migrations',
  'lti/assets',
  'views/templates',
  'views/strings',
  'views/static',
];

for (const folder of folders) {
  if (existsSync(folder)) cpSync(folder, `dist/${folder}`, { recursive: true });
}
