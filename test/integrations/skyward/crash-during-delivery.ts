/**
 * A worker process that dies (SIGKILL, no clean-up of any kind) at one point of a delivery:
 * `afterUpload` (NAME.part written, not renamed) or `afterRename` (renamed, not recorded).
 * Environment: DATA_DIR or DATABASE_URL, MASTER_KEY, TENANT_ID, CRASH_AT.
 */
import { openAppContext } from '../../../app/app-context.js';
import { loadConfig } from '../../../app/config.js';
import { deliverPending } from '../../../integrations/skyward/index.js';

const crashAt = process.env.CRASH_AT as 'afterUpload' | 'afterRename';
const context = await openAppContext(
  loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
);
await deliverPending(context, process.env.TENANT_ID!, {
  faults: { [crashAt]: () => void process.kill(process.pid, 'SIGKILL') },
});
process.stderr.write(`delivery finished without reaching ${crashAt}\n`);
process.exitCode = 3;
