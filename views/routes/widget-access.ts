import type { NextFunction, Request, Response } from 'express';
import { isWidgetOpenTo, type WidgetName } from '../widget-catalogue.js';
import { WidgetForbidden } from '../errors.js';
import { viewerOf } from '../sources/launch-session.js';

/**
 * A middleware that admits only roles the widget is open to (function-level access); which
 * students they then see is the access policy's object-level decision.
 *
 * @param widget - the widget the route serves.
 * @returns a named middleware.
 * @throws WidgetForbidden (ERR_VIEWS_FORBIDDEN, 403) for other roles.
 */
export function allowWidget(widget: WidgetName) {
  return function checkWidgetRole(_req: Request, res: Response, next: NextFunction): void {
    const viewer = viewerOf(res);
    if (!isWidgetOpenTo(viewer.role, widget)) throw new WidgetForbidden();
    res.locals.tenantId = viewer.tenantId;
    next();
  };
}
