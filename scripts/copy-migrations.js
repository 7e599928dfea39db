// Copies the SQL migrations beside the compiled store, so a production build finds them.
import { cpSync } from 'node:fs';

cpSync('store/migrations', 'dist/store/migrations', { recursive: true });
