import type { Request, Response } from 'express';
import { z } from 'zod';
import type { LtiTool } from './lti-tool.js';
import { registerDynamically } from './dynamic-registration.js';
import { renderPage } from './html-page.js';
import { answerRejection } from './rejections.js';
import { LtiError } from './errors.js';

const REGISTER_QUERY = z.object({
  openid_configuration: z.string().min(1).max(2048),
  registration_token: z.string().max(8192).optional(),
  code: z.string().max(128).optional(),
});

/**
 * `GET /lti/register`: Dynamic Registration initiation (DR 1.0 §3.3). Ends with a page whose
 * script tells the platform the registration window may close (§3.7).
 */
export function handleDynamicRegistration(tool: LtiTool) {
  return async function startDynamicRegistration(req: Request, res: Response): Promise<void> {
    try {
      const parsed = REGISTER_QUERY.safeParse(req.query);
      if (!parsed.success)
        throw new LtiError(
          'ERR_LTI_BAD_REQUEST',
          'open this page from your platform’s registration screen',
        );
      const { registration, createdTenant } = await registerDynamically(tool, {
        openidConfigurationUrl: parsed.data.openid_configuration,
        registrationToken: parsed.data.registration_token,
        inviteCode: parsed.data.code,
      });
      res.locals.log?.info({
        event: 'lti.registration.completed',
        registrationId: registration.id,
        tenantId: registration.ownerTenantId,
      });
      const next = createdTenant
        ? 'A district administrator of CCMR Readiness must approve this registration before the first launch.'
        : 'You can now add CCMR Readiness to courses and menus.';
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(
        renderPage({
          title: 'CCMR Readiness registered',
          bodyHtml: `<h1>CCMR Readiness is registered</h1><p>${next}</p><p><button id="lti-close" type="button">Close</button></p>`,
          scripts: ['/lti/assets/registration-close.js'],
        }),
      );
    } catch (error) {
      if (!(await answerRejection(tool, res, error, { action: 'lti.registration.rejected' })))
        throw error;
    }
  };
}
