import type { AppContext } from '../app-context.js';
import type { Tenant } from '../../store/index.js';
import { createTenant } from '../../store/index.js';
import { registerDemoPlatform } from './demo-launch-step.js';
import { connectDemoSkyward } from './demo-skyward-step.js';
import { seedDemoEvidence } from '../results/index.js';

/** The demo district every `npm start` shows. */
export const DEMO_TENANT = { slug: 'demo-isd', name: 'Lone Star Demo ISD' } as const;

/**
 * One step of filling the demo district. Every step must be idempotent: the demo reuses its data
 * folder from one start to the next.
 */
export type DemoStep = (context: AppContext, tenant: Tenant) => Promise<void>;

/**
 * The steps, in order: rosters first, then what depends on them. Each area adds its own.
 */
const demoSteps: Array<{ name: string; run: DemoStep }> = [
  {
    name: 'roster',
    run: (c, t) =>
      import('../../test/peers/oneroster/demo-roster.js').then((m) => m.loadDemoRoster(c, t)),
  },
  { name: 'lti-platform', run: registerDemoPlatform },
  { name: 'evidence', run: seedDemoEvidence },
  { name: 'skyward', run: connectDemoSkyward },
];

/** Progress of the demo preparation, shown on the demo page. */
export const demoProgress = {
  state: 'pending' as 'pending' | 'running' | 'ready' | 'failed',
  step: '',
  completedSteps: 0,
  totalSteps: demoSteps.length,
};

/** Creates the demo district if needed and runs every demo step in order. */
export async function seedDemo(context: AppContext): Promise<Tenant> {
  demoProgress.state = 'running';
  try {
    const { tenant } = await createTenant(context.db, context.keys, DEMO_TENANT);
    for (const step of demoSteps) {
      const started = Date.now();
      demoProgress.step = step.name;
      await step.run(context, tenant);
      demoProgress.completedSteps += 1;
      context.logger.info({
        event: 'demo.step.completed',
        step: step.name,
        durationMs: Date.now() - started,
      });
    }
    demoProgress.state = 'ready';
    return tenant;
  } catch (error) {
    demoProgress.state = 'failed';
    throw error;
  }
}
