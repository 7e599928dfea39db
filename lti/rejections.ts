import type { Response } from 'express';
import { appendAudit, appendSystemAudit, AppError } from '../store/index.js';
import type { LtiTool } from './lti-tool.js';
import { renderRejection } from './html-page.js';

/**
 * Answers a refused login or launch: a 4xx page with the code, one audit event (in the
 * district's chain when the deployment was already known, the system log otherwise) and one
 * log line with the code only. Unplanned errors are passed on to the error handler.
 * @returns false when the error was not an exposed AppError (caller rethrows).
 */
export async function answerRejection(
  tool: LtiTool,
  res: Response,
  error: unknown,
  audit: { action: string; tenantId?: string; registrationId?: string },
): Promise<boolean> {
  if (!(error instanceof AppError) || !error.expose) return false;
  const now = tool.now();
  const detail = { code: error.code, registrationId: audit.registrationId ?? null };
  if (audit.tenantId) {
    await tool.host.db.withTenant(audit.tenantId, (tx) =>
      appendAudit(
        tx,
        {
          actorType: 'system',
          action: audit.action,
          resourceType: 'lti_launch',
          outcome: 'rejected',
          detail,
        },
        now,
      ),
    );
  } else {
    await appendSystemAudit(
      tool.host.db,
      { action: audit.action, outcome: 'rejected', detail },
      now,
    );
  }
  res.locals.log?.warn({ event: audit.action, code: error.code, tenantId: audit.tenantId });
  res.status(error.status).setHeader('Cache-Control', 'no-store');
  res.type('html').send(renderRejection(error.code, error.message, String(res.locals.reqId ?? '')));
  return true;
}
