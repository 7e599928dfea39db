import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../store/index.js';
import { serializeError } from '../logger.js';

/** What a client may learn about a failure: a stable code and a safe sentence. */
export interface PublicError {
  code: string;
  message: string;
  status: number;
}

/** Errors raised by Express's body parsers carry `status` and `type`; they are client mistakes. */
function fromParserError(error: unknown): PublicError | undefined {
  const candidate = error as { status?: number; type?: string; expose?: boolean };
  if (typeof candidate?.status !== 'number' || candidate.status >= 500 || !candidate.expose) {
    return undefined;
  }
  const code =
    candidate.type === 'entity.too.large' ? 'ERR_HTTP_BODY_TOO_LARGE' : 'ERR_HTTP_BAD_REQUEST';
  return { code, message: 'the request could not be read', status: candidate.status };
}

/** Chooses what the client sees; anything unplanned becomes a generic 500. */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError && error.expose) {
    return { code: error.code, message: error.message, status: error.status };
  }
  return (
    fromParserError(error) ?? {
      code: 'ERR_INTERNAL',
      message: 'something went wrong on our side; the error has been logged',
      status: 500,
    }
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The single exit for errors: logs unplanned ones once at `error` with the request id, and
 * answers with the code and safe message only, as JSON or as a small escaped HTML page.
 * Stack traces, SQL and payloads never reach the client.
 */
export function handleErrors(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  const publicError = toPublicError(error);
  const log = res.locals.log;
  if (publicError.status >= 500) {
    log?.error({ event: 'http.request.failed', err: serializeError(error) });
  } else {
    log?.info({
      event: 'http.request.rejected',
      code: publicError.code,
      status: publicError.status,
    });
  }
  if (res.headersSent) return;
  res.status(publicError.status).setHeader('Cache-Control', 'no-store');
  const body = {
    code: publicError.code,
    message: publicError.message,
    requestId: res.locals.reqId,
  };
  if (req.accepts(['json', 'html']) === 'html') {
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head>` +
          `<body><main><h1>We could not complete this request</h1><p>${escapeHtml(body.message)}</p>` +
          `<p>Code: <code>${escapeHtml(body.code)}</code> · Reference: <code>${escapeHtml(String(body.requestId))}</code></p>` +
          `</main></body></html>`,
      );
  } else {
    res.json(body);
  }
}
