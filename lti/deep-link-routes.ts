import type { Request, Response } from 'express';
import { z } from 'zod';
import { appendAudit } from '../store/index.js';
import type { LtiTool } from './lti-tool.js';
import type { StoredLaunch } from './launch-sessions.js';
import { sessionUrl } from './session-middleware.js';
import { signDeepLinkingResponse } from './deep-linking.js';
import { WIDGETS, WIDGET_TITLES } from './widgets.js';
import { escapeHtml, renderPage } from './html-page.js';
import { LtiError } from './errors.js';
import { extendCsp } from './csp-header.js';

const CHOICE = z.object({
  widget: z.enum(WIDGETS),
  title: z.string().max(200).default(''),
  display: z.enum(['full', 'compact']).default('full'),
});

const PICKER_ROLES = new Set(['teacher', 'campus_admin', 'district_admin']);

function requireDeepLinkingLaunch(res: Response): StoredLaunch {
  const launch = res.locals.launch as StoredLaunch;
  if (launch.messageType !== 'LtiDeepLinkingRequest' || !launch.deepLinking) {
    throw new LtiError('ERR_LTI_NOT_ALLOWED', 'this launch did not ask to add content', {
      status: 403,
    });
  }
  if (!PICKER_ROLES.has(launch.viewer.role)) {
    throw new LtiError('ERR_LTI_NOT_ALLOWED', 'only instructors and administrators add widgets', {
      status: 403,
    });
  }
  return launch;
}

/** `GET /lti/deep-link`: the widget picker of a deep-linking launch. */
export function showWidgetPicker(_tool: LtiTool) {
  return function renderWidgetPicker(_req: Request, res: Response): void {
    requireDeepLinkingLaunch(res);
    const options = WIDGETS.map(
      (name) => `<option value="${name}">${escapeHtml(WIDGET_TITLES[name])}</option>`,
    ).join('');
    res.type('html').send(
      renderPage({
        title: 'Add a CCMR Readiness widget',
        bodyHtml:
          `<h1>Add a CCMR Readiness widget</h1><form method="post" action="${escapeHtml(sessionUrl(res, '/lti/deep-link'))}">` +
          `<p><label for="widget">Widget</label> <select id="widget" name="widget">${options}</select></p>` +
          `<p><label for="title">Title shown in the course (optional)</label> <input id="title" name="title" maxlength="200"></p>` +
          `<p><label for="display">Display</label> <select id="display" name="display">` +
          `<option value="full">Full</option><option value="compact">Compact</option></select></p>` +
          `<p><button type="submit">Add to course</button></p></form>`,
      }),
    );
  };
}

/** `POST /lti/deep-link`: signs the response and returns the browser to the platform. */
export function returnDeepLink(tool: LtiTool) {
  return async function postDeepLinkResponse(req: Request, res: Response): Promise<void> {
    const launch = requireDeepLinkingLaunch(res);
    const parsed = CHOICE.safeParse(req.body ?? {});
    if (!parsed.success)
      throw new LtiError('ERR_LTI_BAD_REQUEST', 'choose one of the listed widgets');
    const now = tool.now();
    const jwt = await signDeepLinkingResponse(
      tool.toolKeys,
      launch,
      parsed.data,
      tool.urls.launch,
      now,
    );
    await tool.host.db.withTenant(launch.viewer.tenantId, (tx) =>
      appendAudit(
        tx,
        {
          actorType: 'user',
          actorId: launch.viewer.personId,
          action: 'lti.deep_link.returned',
          resourceType: 'lti_launch',
          resourceId: launch.id,
          launchId: launch.id,
          detail: { widget: parsed.data.widget },
        },
        now,
      ),
    );
    // The return URL may sit on another host of the platform than its issuer (Canvas).
    extendCsp(res, ['form-action'], [new URL(launch.deepLinking!.deep_link_return_url).origin]);
    res.type('html').send(
      renderPage({
        title: 'Returning to your course',
        bodyHtml:
          `<form id="lti-auto-submit" method="post" action="${escapeHtml(launch.deepLinking!.deep_link_return_url)}">` +
          `<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">` +
          `<p>Returning to your course…</p><noscript><button type="submit">Continue</button></noscript></form>`,
        scripts: ['/lti/assets/auto-submit.js'],
      }),
    );
  };
}
