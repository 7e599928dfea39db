import { appendAudit, type Database } from '../../store/index.js';
import { loadContractParameters } from '../contract-parameters.js';
import { scopeIncident, type IncidentScope } from './scope-incident.js';
import { draftBreachNotice, type BreachNotice } from './draft-breach-notice.js';

/** An incident report: the scope from the audit trails and a draft notice per district. */
export interface IncidentReport {
  scope: IncidentScope;
  notices: BreachNotice[];
}

/**
 * Scopes an incident and drafts each affected district's notice; the scoping is recorded in each
 * district's audit trail.
 * @param db the database.
 * @param window the time window, and optionally the actor and the district.
 * @param facts when the incident was confirmed, and what is known.
 * @returns the scope and the draft notices.
 */
export async function reportIncident(
  db: Database,
  window: { from: Date; to: Date; actorId?: string; tenantId?: string },
  facts: {
    confirmedAt: Date;
    whatHappened?: string;
    whoReceivedIt?: string;
    vendorContact?: string;
  },
): Promise<IncidentReport> {
  const scope = await scopeIncident(db, window);
  const notices: BreachNotice[] = [];
  for (const affected of scope.tenants) {
    const notice = await db.withTenant(affected.tenantId, async (tx) => {
      const parameters = await loadContractParameters(tx);
      await appendAudit(
        tx,
        {
          actorType: 'cli',
          actorId: 'incident-response',
          action: 'incident.scoped',
          resourceType: 'district',
          detail: { from: scope.from, to: scope.to, students: affected.studentIds.length },
        },
        facts.confirmedAt,
      );
      return draftBreachNotice(affected, parameters, facts);
    });
    notices.push(notice);
  }
  return { scope, notices };
}
