import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app/app-context.js';
import { appendAudit } from '../../store/index.js';
import {
  auditRead,
  reportIncident,
  saveContractParameters,
  scopeIncident,
} from '../../privacy/index.js';
import { createTestContext, createTestTenant } from '../support/test-context.js';
import { makeViewer } from './support/seed-district.js';

const at = (time: string) => new Date(`2026-10-14T${time}:00.000Z`);

describe('incident report', () => {
  let context: AppContext;
  let homeId: string;
  let otherId: string;
  const compromised = randomUUID();
  const bystander = randomUUID();
  const [s1, s2, s3, s4, s5, s6, s7] = Array.from({ length: 7 }, () => randomUUID());

  before(async () => {
    context = await createTestContext();
    homeId = (await createTestTenant(context, 'incident')).id;
    otherId = (await createTestTenant(context, 'incident-other')).id;
    const thief = makeViewer(homeId, 'teacher', {}, compromised);
    await context.db.withTenant(homeId, async (tx) => {
      await saveContractParameters(tx, {
        breachNoticeHours: 48,
        breachContact: 'privacy@district.example',
      });
      await auditRead(tx, thief, 'student', [s1, s2], at('10:05'));
      await auditRead(
        tx,
        makeViewer(homeId, 'teacher', {}, bystander),
        'student',
        [s4],
        at('10:10'),
      );
      await auditRead(tx, thief, 'class_roster', [s3, s1], at('10:50'));
      await auditRead(tx, thief, 'student', [s5], at('09:59'));
      await auditRead(tx, thief, 'student', [s5], at('11:00'));
      await appendAudit(
        tx,
        {
          actorType: 'user',
          actorId: compromised,
          action: 'access.denied',
          resourceType: 'student',
          resourceId: s6,
          outcome: 'denied',
        },
        at('10:30'),
      );
    });
    await context.db.withTenant(otherId, (tx) =>
      auditRead(tx, makeViewer(otherId, 'teacher', {}, compromised), 'student', [s7], at('10:20')),
    );
  });
  after(() => context.close());

  it('returns exactly the students the compromised account touched in the window', async () => {
    const scope = await scopeIncident(context.db, {
      from: at('10:00'),
      to: at('11:00'),
      actorId: compromised,
      tenantId: homeId,
    });
    assert.equal(scope.tenants.length, 1);
    assert.deepEqual(scope.tenants[0]!.studentIds, [s1, s2, s3].sort());
    assert.deepEqual(scope.tenants[0]!.dataTypes, ['class_roster', 'student']);
    assert.equal(scope.studentCount, 3);
  });

  it('lists every district the account touched when no district is given', async () => {
    const scope = await scopeIncident(context.db, {
      from: at('10:00'),
      to: at('11:00'),
      actorId: compromised,
    });
    const mine = scope.tenants.filter((t) => t.tenantId === homeId || t.tenantId === otherId);
    assert.deepEqual(mine.map((t) => t.tenantId).sort(), [homeId, otherId].sort());
    assert.deepEqual(mine.find((t) => t.tenantId === otherId)!.studentIds, [s7]);
  });

  it('drafts a notice with every field district agreements require and the contract deadline', async () => {
    const report = await reportIncident(
      context.db,
      { from: at('10:00'), to: at('11:00'), actorId: compromised, tenantId: homeId },
      {
        confirmedAt: at('12:00'),
        whoReceivedIt: 'an unknown party using a stolen teacher session',
      },
    );
    const notice = report.notices[0]!;
    for (const field of [
      'dateAndNature',
      'dataInvolved',
      'whatHappened',
      'whoReceivedIt',
      'mitigation',
      'correctiveAction',
      'contact',
    ] as const) {
      assert.ok(notice[field].length > 0, field);
    }
    assert.equal(notice.sendTo, 'privacy@district.example');
    assert.equal(notice.noticeDueBy, '2026-10-16T12:00:00.000Z');
    assert.deepEqual(notice.affectedStudentIds, [s1, s2, s3].sort());
    const scoped = await context.db.withTenant(homeId, (tx) =>
      tx.query(`SELECT 1 FROM audit_events WHERE action = 'incident.scoped'`),
    );
    assert.equal(scoped.length, 1);
  });
});
