import type { Command } from 'commander';
import { InputError, resolveTenant } from '../../store/index.js';
import {
  addDeployment,
  createRegistrationInvite,
  findRegistrationById,
  registerPlatformManually,
  setRegistrationStatus,
  setTenantRole,
  toolUrlsFor,
  ToolKeyStore,
} from '../../lti/index.js';
import type { ViewerRole } from '../../privacy/index.js';
import { runWithContext, printSummary, requireOption } from './run-with-context.js';

const VIEWER_ROLES: ViewerRole[] = [
  'teacher',
  'counselor',
  'campus_admin',
  'district_admin',
  'student',
  'none',
];

interface RegisterOptions {
  tenant?: string;
  issuer?: string;
  clientId?: string;
  authUrl?: string;
  tokenUrl?: string;
  jwksUrl?: string;
  deploymentId?: string[];
  productFamily?: string;
  platformOrigin?: string;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `ccmr lti register|invite|activate|deployment add|roles set|keys rotate`. */
export function registerLtiCommands(program: Command): void {
  const lti = program
    .command('lti')
    .description('LTI 1.3: platform registrations, role mapping, tool keys');

  lti
    .command('register')
    .description('register a platform by hand (values from its LTI 1.3 tool settings); idempotent')
    .option('--tenant <slug|id>', 'district the deployments belong to')
    .option('--issuer <url>', 'platform issuer (iss)')
    .option('--client-id <id>', 'client id the platform assigned to this tool')
    .option('--auth-url <url>', 'platform OIDC authorization endpoint')
    .option('--token-url <url>', 'platform OAuth 2.0 token endpoint')
    .option('--jwks-url <url>', 'platform public keyset URL')
    .option('--deployment-id <id>', 'deployment id (repeat for several)', collect)
    .option(
      '--product-family <code>',
      'canvas | moodle | schoology | desire2learn | blackboardlearn',
    )
    .action((options: RegisterOptions) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        await new ToolKeyStore(context.db, context.keys).ensureKey(context.now());
        const registration = await registerPlatformManually(
          context.db,
          {
            tenantId: tenant.id,
            issuer: requireOption(options.issuer, 'issuer'),
            clientId: requireOption(options.clientId, 'client-id'),
            authUrl: requireOption(options.authUrl, 'auth-url'),
            tokenUrl: requireOption(options.tokenUrl, 'token-url'),
            jwksUrl: requireOption(options.jwksUrl, 'jwks-url'),
            deploymentIds: requireOption(options.deploymentId, 'deployment-id'),
            productFamily: options.productFamily,
            platformOrigin: options.platformOrigin,
          },
          context.config.mode,
          context.now(),
        );
        const urls = toolUrlsFor(context.config.publicUrl);
        printSummary({
          registrationId: registration.id,
          tenantId: tenant.id,
          status: registration.status,
          loginUrl: urls.login,
          redirectUrl: urls.launch,
          jwksUrl: urls.jwks,
        });
      }),
    );

  lti
    .command('invite')
    .description('print a Dynamic Registration URL that joins this district (single use, 7 days)')
    .option('--tenant <slug|id>', 'district')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const { code, expiresAt } = await createRegistrationInvite(
          context.db,
          tenant.id,
          context.now(),
        );
        const url = `${toolUrlsFor(context.config.publicUrl).register}?code=${code}`;
        printSummary({
          tenantId: tenant.id,
          registrationUrl: url,
          expiresAt: expiresAt.toISOString(),
        });
      }),
    );

  lti
    .command('activate')
    .description('approve a registration made without an invite (or --disable it)')
    .option('--registration <id>', 'registration id')
    .option('--disable', 'disable instead')
    .action((options: { registration?: string; disable?: boolean }) =>
      runWithContext(async (context) => {
        const id = requireOption(options.registration, 'registration');
        const status = options.disable ? 'disabled' : 'active';
        if (!(await setRegistrationStatus(context.db, id, status))) {
          throw new InputError('ERR_LTI_UNKNOWN_REGISTRATION', `no registration "${id}" exists`);
        }
        printSummary({ registrationId: id, status });
      }),
    );

  lti
    .command('deployment')
    .description('manage deployments')
    .command('add')
    .description('add a deployment id to a registration (e.g. after a Blackboard deployment)')
    .option('--registration <id>', 'registration id')
    .option('--deployment-id <id>', 'deployment id')
    .action((options: { registration?: string; deploymentId?: string }) =>
      runWithContext(async (context) => {
        const id = requireOption(options.registration, 'registration');
        const registration = await findRegistrationById(context.db, id);
        if (!registration)
          throw new InputError('ERR_LTI_UNKNOWN_REGISTRATION', `no registration "${id}" exists`);
        const deploymentId = requireOption(options.deploymentId, 'deployment-id');
        await addDeployment(context.db, registration, deploymentId, context.now());
        printSummary({ registrationId: id, added: true });
      }),
    );

  lti
    .command('roles')
    .description('district role mapping')
    .command('set')
    .description('map one LTI role URI to a product role for this district')
    .option('--tenant <slug|id>', 'district')
    .option('--lti-role <uri>', 'LTI role URI (or short context role name)')
    .option('--role <role>', VIEWER_ROLES.join(' | '))
    .action((options: { tenant?: string; ltiRole?: string; role?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const role = requireOption(options.role, 'role') as ViewerRole;
        if (!VIEWER_ROLES.includes(role)) {
          throw new InputError(
            'ERR_LTI_BAD_REQUEST',
            `--role must be one of ${VIEWER_ROLES.join(', ')}`,
          );
        }
        const ltiRole = requireOption(options.ltiRole, 'lti-role');
        await context.db.withTenant(tenant.id, (tx) =>
          setTenantRole(tx, ltiRole, role, context.now()),
        );
        printSummary({ tenantId: tenant.id, role });
      }),
    );

  lti
    .command('keys')
    .description('tool signing keys')
    .command('rotate')
    .description(
      'start signing with a new key; the old one stays published until its tokens expire',
    )
    .action(() =>
      runWithContext(async (context) => {
        const rotated = await new ToolKeyStore(context.db, context.keys).rotate(context.now());
        printSummary(rotated);
      }),
    );
}
