import { appendAudit, type TenantTransaction } from '../store/index.js';
import type { Viewer } from './viewer.js';

/**
 * Records that a viewer read student data: one event per request, listing the internal ids of
 * every student shown (checklist R23, R24). Nothing is recorded when no student was shown.
 * @param tx a transaction of the viewer's district (the event commits with the read).
 * @param viewer who read.
 * @param resourceType what was read, e.g. `student`, `class_roster`, `campus_summary`.
 * @param personIds internal people.id of every student whose data was shown.
 * @param now the clock.
 * @param detail extra ids or counts (never names or values).
 */
export async function auditRead(
  tx: TenantTransaction,
  viewer: Viewer,
  resourceType: string,
  personIds: readonly string[],
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  if (personIds.length === 0) return;
  const unique = [...new Set(personIds)].sort();
  await appendAudit(
    tx,
    {
      actorType: 'user',
      actorId: viewer.personId,
      action: `${resourceType}.read`,
      resourceType,
      resourceId: unique.length === 1 ? unique[0] : null,
      launchId: viewer.launchId,
      outcome: 'ok',
      detail: { ...detail, role: viewer.role, personIds: unique, count: unique.length },
    },
    now,
  );
}
