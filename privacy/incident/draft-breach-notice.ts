import type { ContractParameters } from '../contract-parameters.js';
import type { AffectedTenant } from './scope-incident.js';

/** A breach notice to one district, with the fields district agreements require (R28). */
export interface BreachNotice {
  tenantId: string;
  /** The district's breach contact from its contract parameters (null until recorded). */
  sendTo: string | null;
  /** When the incident was confirmed, and the deadline the contract sets from it. */
  confirmedAt: string;
  noticeDueBy: string;
  dateAndNature: string;
  dataInvolved: string;
  whatHappened: string;
  whoReceivedIt: string;
  mitigation: string;
  correctiveAction: string;
  contact: string;
  affectedStudentIds: string[];
}

/** Marks text the incident lead must write; the draft is never sent with it left in. */
const TO_COMPLETE = '[to be completed by the incident lead]';

/**
 * Drafts the notice to a district from an incident's scope: what the audit trail proves is
 * filled in, what only people can know is marked to complete.
 * @param affected the district's part of the incident scope.
 * @param parameters the district's contract parameters (notice hours, breach contact).
 * @param facts when it was confirmed and, if known, what happened and who received the data.
 * @returns the draft notice.
 */
export function draftBreachNotice(
  affected: AffectedTenant,
  parameters: Pick<ContractParameters, 'breachNoticeHours' | 'breachContact'>,
  facts: {
    confirmedAt: Date;
    whatHappened?: string;
    whoReceivedIt?: string;
    vendorContact?: string;
  },
): BreachNotice {
  const due = new Date(facts.confirmedAt.getTime() + parameters.breachNoticeHours * 3_600_000);
  return {
    tenantId: affected.tenantId,
    sendTo: parameters.breachContact,
    confirmedAt: facts.confirmedAt.toISOString(),
    noticeDueBy: due.toISOString(),
    dateAndNature: `Between ${affected.firstAt} and ${affected.lastAt}: ${affected.eventCount} recorded ${affected.actions.join(', ')} event(s) outside authorised use.`,
    dataInvolved: `Records of ${affected.studentIds.length} student(s): ${affected.dataTypes.join(', ')}.`,
    whatHappened: facts.whatHappened ?? TO_COMPLETE,
    whoReceivedIt: facts.whoReceivedIt ?? TO_COMPLETE,
    mitigation: TO_COMPLETE,
    correctiveAction: TO_COMPLETE,
    contact: facts.vendorContact ?? TO_COMPLETE,
    affectedStudentIds: affected.studentIds,
  };
}
