import type { AppContext } from '../app-context.js';
import type { Tenant } from '../../store/index.js';
import { createTenant } from '../../store/index.js';

/** The demo district every `npm start` shows. */
export const DEMO_TENANT = { slug: 'demo-isd', name: 'Lone Star Demo ISD' } as const;

/**
 * One step of filling the demo district (rosters, evidence, LTI platform, …). Each area adds
 * its own step to `demoSteps`; every step must be idempotent, since the demo reuses its folder.
 */
export type DemoStep = (context: AppContext, tenant: Tenant) => Promise<void>;

const demoSteps: Array<{ name: string; run: DemoStep }> = [];

/** Creates the demo district if needed and runs every demo step in order. */
export async function seedDemo(context: AppContext): Promise<Tenant> {
  const { tenant } = await createTenant(context.db, context.keys, DEMO_TENANT);
  for (const step of demoSteps) {
    const started = Date.now();
    await step.run(context, tenant);
    context.logger.info({ event: 'demo.step.completed', step: step.name, durationMs: Date.now() - started });
  }
  return tenant;
}
