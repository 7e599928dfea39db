import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveTenant } from '../../store/index.js';
import {
  applyRetention,
  correctStudentField,
  deleteStudent,
  exportDeidentifiedAggregates,
  exportStudentData,
  listDataRequests,
  offboardTenant,
  PrivacyInputError,
  renderStudentDataHtml,
  reportIncident,
  type RequestActor,
} from '../../privacy/index.js';
import { runWithContext, printSummary, requireOption } from './run-with-context.js';
import { parseInstant } from './audit-commands.js';

/** Operator commands act on the district's written request; the audit trail names the CLI. */
const OPERATOR: RequestActor = { actorType: 'cli', actorId: 'operator' };

async function writePrivateFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
}

function registerDataRequestCommands(privacy: Command): void {
  privacy
    .command('export-student')
    .description(
      'write everything held about a student (JSON, and a readable HTML page with --html)',
    )
    .option('--tenant <slug|id>', 'the district')
    .option('--student <id>', "the student's internal id")
    .option('--out <file>', 'the JSON file to write')
    .option('--html <file>', 'also write a readable HTML page')
    .action((o: { tenant?: string; student?: string; out?: string; html?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const out = requireOption(o.out, 'out');
        const data = await exportStudentData(
          context,
          tenant.id,
          requireOption(o.student, 'student'),
          OPERATOR,
        );
        await writePrivateFile(out, `${JSON.stringify(data, null, 2)}\n`);
        if (o.html) await writePrivateFile(o.html, renderStudentDataHtml(data));
        context.logger.info({
          event: 'privacy.student.exported',
          tenantId: tenant.id,
          requestId: data.requestId,
        });
        printSummary({ requestId: data.requestId, tables: Object.keys(data.record.tables).length });
      }),
    );
  privacy
    .command('correct')
    .description("correct one field of a student's record (audited)")
    .option('--tenant <slug|id>', 'the district')
    .option('--student <id>', "the student's internal id")
    .option('--field <name>', 'e.g. local_id, birth_date, graduation_year, econ_disadv')
    .option('--value <value>', 'the corrected value')
    .action((o: { tenant?: string; student?: string; field?: string; value?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const correction = {
          field: requireOption(o.field, 'field'),
          value: requireOption(o.value, 'value'),
        };
        const result = await correctStudentField(
          context,
          tenant.id,
          requireOption(o.student, 'student'),
          correction,
          OPERATOR,
        );
        context.logger.info({
          event: 'privacy.student.corrected',
          tenantId: tenant.id,
          requestId: result.requestId,
        });
        printSummary(result);
      }),
    );
  privacy
    .command('delete-student')
    .description('delete a student everywhere, keeping only a non-identifying deletion record')
    .option('--tenant <slug|id>', 'the district')
    .option('--student <id>', "the student's internal id")
    .action((o: { tenant?: string; student?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const outcome = await deleteStudent(
          context,
          tenant.id,
          requireOption(o.student, 'student'),
          OPERATOR,
        );
        context.logger.info({
          event: 'privacy.student.deleted',
          tenantId: tenant.id,
          requestId: outcome.requestId,
        });
        printSummary({ ...outcome });
      }),
    );
  privacy
    .command('retention')
    .description(
      "delete students withdrawn longer ago than the district's grace period (the nightly job does this for every district)",
    )
    .option('--tenant <slug|id>', 'the district')
    .action((o: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const outcome = await applyRetention(context, tenant.id);
        context.logger.info({
          event: 'privacy.retention.applied',
          tenantId: tenant.id,
          deleted: outcome.deletedStudentIds.length,
        });
        printSummary({ isGraceSet: outcome.isGraceSet, deleted: outcome.deletedStudentIds.length });
      }),
    );
  privacy
    .command('requests')
    .description("list a district's data requests with their due dates (JSON lines)")
    .option('--tenant <slug|id>', 'the district')
    .action((o: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const requests = await context.db.withTenant(tenant.id, (tx) =>
          listDataRequests(tx, context.now()),
        );
        for (const request of requests) printSummary({ ...request });
      }),
    );
}

function registerDistrictCommands(privacy: Command): void {
  privacy
    .command('offboard')
    .description(
      'delete or de-identify a whole district, destroy its keys, and print the certificate of disposal',
    )
    .option('--tenant <slug|id>', 'the district')
    .option('--mode <mode>', 'delete | deidentify')
    .option('--confirm <slug>', 'the district slug, typed again')
    .option('--out <file>', 'also write the certificate to this file')
    .action((o: { tenant?: string; mode?: string; confirm?: string; out?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const mode = requireOption(o.mode, 'mode');
        if (mode !== 'delete' && mode !== 'deidentify') {
          throw new PrivacyInputError(
            'ERR_PRIVACY_BAD_CONFIRMATION',
            '--mode must be delete or deidentify',
          );
        }
        const certificate = await offboardTenant(context, tenant.id, {
          mode,
          confirmSlug: requireOption(o.confirm, 'confirm'),
          actor: OPERATOR,
        });
        if (o.out) await writePrivateFile(o.out, `${JSON.stringify(certificate, null, 2)}\n`);
        context.logger.info({ event: 'privacy.tenant.offboarded', tenantId: tenant.id, mode });
        printSummary({ ...certificate });
      }),
    );
  privacy
    .command('deidentified')
    .description("write the district's TEA-masked aggregate release for research and reports")
    .option('--tenant <slug|id>', 'the district')
    .option('--out <file>', 'the JSON file to write')
    .action((o: { tenant?: string; out?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(o.tenant, 'tenant'));
        const out = requireOption(o.out, 'out');
        const release = await exportDeidentifiedAggregates(context.db, tenant.id, {
          actor: OPERATOR,
          now: context.now(),
        });
        await writePrivateFile(out, `${JSON.stringify(release, null, 2)}\n`);
        printSummary({
          cells: release.cells.length,
          masked: release.cells.filter((c) => c.isMasked).length,
          isKAnonymous: release.kAnonymity.isKAnonymous,
        });
      }),
    );
  privacy
    .command('incident')
    .description('list the districts, students and data an incident touched, and draft the notices')
    .option('--from <iso>', 'start of the window')
    .option('--to <iso>', 'end of the window (excluded)')
    .option('--actor <id>', "the compromised user's internal id or launch session id")
    .option('--tenant <slug|id>', 'only this district')
    .option('--confirmed-at <iso>', 'when the incident was confirmed (default: now)')
    .option('--out <file>', 'also write the full report to this file')
    .action(
      (o: {
        from?: string;
        to?: string;
        actor?: string;
        tenant?: string;
        confirmedAt?: string;
        out?: string;
      }) =>
        runWithContext(async (context) => {
          const from = parseInstant(requireOption(o.from, 'from'), 'from')!;
          const to = parseInstant(requireOption(o.to, 'to'), 'to')!;
          if (to <= from)
            throw new PrivacyInputError('ERR_PRIVACY_BAD_WINDOW', '--to must be after --from');
          const tenantId = o.tenant ? (await resolveTenant(context.db, o.tenant)).id : undefined;
          const confirmedAt = parseInstant(o.confirmedAt, 'confirmed-at') ?? context.now();
          const report = await reportIncident(
            context.db,
            { from, to, actorId: o.actor, tenantId },
            { confirmedAt },
          );
          if (o.out) await writePrivateFile(o.out, `${JSON.stringify(report, null, 2)}\n`);
          context.logger.info({
            event: 'privacy.incident.scoped',
            tenants: report.scope.tenants.length,
            students: report.scope.studentCount,
          });
          printSummary({ ...report });
        }),
    );
}

/** `ccmr privacy …`: data requests, offboarding, de-identified release and incident scoping. */
export function registerPrivacyCommands(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('data requests, offboarding, de-identified release, incidents');
  registerDataRequestCommands(privacy);
  registerDistrictCommands(privacy);
}
