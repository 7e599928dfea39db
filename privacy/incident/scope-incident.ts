import type { Database, Row } from '../../store/index.js';

/** What an incident touched in one district, from its audit trail. */
export interface AffectedTenant {
  tenantId: string;
  slug: string;
  /** Internal ids of the students whose data was read, changed or exported. */
  studentIds: string[];
  /** Kinds of data involved (audit resource types) and what was done (audit actions). */
  dataTypes: string[];
  actions: string[];
  eventCount: number;
  firstAt: string;
  lastAt: string;
}

/** The scope of an incident (privacy-checklist.md R28: the breach scoping query). */
export interface IncidentScope {
  from: string;
  to: string;
  actorId: string | null;
  tenants: AffectedTenant[];
  studentCount: number;
}

/** Every student id an event names: its resource (for student events) and detail.personIds. */
function studentsOf(event: Row): string[] {
  const detail = (event.detail ?? {}) as { personIds?: unknown };
  const listed = Array.isArray(detail.personIds)
    ? detail.personIds.filter((id): id is string => typeof id === 'string')
    : [];
  const own =
    event.resource_type === 'student' && typeof event.resource_id === 'string'
      ? [event.resource_id]
      : [];
  return [...own, ...listed];
}

function summarise(tenantId: string, slug: string, events: Row[]): AffectedTenant {
  const times = events.map((e) => (e.occurred_at as Date).toISOString()).sort();
  return {
    tenantId,
    slug,
    studentIds: [...new Set(events.flatMap(studentsOf))].sort(),
    dataTypes: [...new Set(events.map((e) => e.resource_type as string))].sort(),
    actions: [...new Set(events.map((e) => e.action as string))].sort(),
    eventCount: events.length,
    firstAt: times[0]!,
    lastAt: times.at(-1)!,
  };
}

/**
 * Lists, from the audit trails, the districts, students (internal ids) and kinds of data an
 * incident touched: every successful event in the window, optionally of one actor (a user's
 * internal id, or a launch session id for a stolen session) and one district.
 * @param db the database (the trails are read as the owner, across districts).
 * @param window the time window (inclusive from, exclusive to), the actor and the district.
 * @returns the affected districts with their students; districts with no student touched are left out.
 */
export async function scopeIncident(
  db: Database,
  window: { from: Date; to: Date; actorId?: string; tenantId?: string },
): Promise<IncidentScope> {
  const events = await db.withOwner((tx) =>
    tx.query<Row>(
      `SELECT e.tenant_id, t.slug, e.occurred_at, e.action, e.resource_type, e.resource_id, e.detail
       FROM audit_events e JOIN tenants t ON t.id = e.tenant_id
       WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.outcome = 'ok'
         AND ($3::text IS NULL OR e.actor_id = $3 OR e.launch_id = $3)
         AND ($4::uuid IS NULL OR e.tenant_id = $4)
       ORDER BY e.tenant_id, e.seq`,
      [window.from, window.to, window.actorId ?? null, window.tenantId ?? null],
    ),
  );
  const byTenant = new Map<string, Row[]>();
  for (const event of events.filter((e) => studentsOf(e).length > 0)) {
    const key = event.tenant_id as string;
    byTenant.set(key, [...(byTenant.get(key) ?? []), event]);
  }
  const tenants = [...byTenant.entries()].map(([id, rows]) =>
    summarise(id, rows[0]!.slug as string, rows),
  );
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    actorId: window.actorId ?? null,
    tenants,
    studentCount: tenants.reduce((sum, tenant) => sum + tenant.studentIds.length, 0),
  };
}
