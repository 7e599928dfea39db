import type { Response } from 'express';
import type { Viewer } from '../../privacy/viewer.js';
import { listWidgetsFor, type WidgetName } from '../widget-catalogue.js';
import { loadTemplates } from './template-engine.js';
import { translate } from './string-catalogue.js';
import { sessionFieldsOf } from '../sources/launch-session.js';

/** Where the numbers on a page come from and how fresh they are. */
export interface Provenance {
  /** When the newest student result shown was computed; null when none exists yet. */
  computedAt: Date | null;
  /** When the roster was last synchronised; null when never. */
  syncedAt: Date | null;
}

/** What a route hands to the renderer: the page template, its presented model and provenance. */
export interface PageRequest {
  widget: WidgetName;
  viewer: Viewer;
  model: object;
  provenance: Provenance;
  /** Builds in-tool links that keep the launch session. */
  sessionUrl: (path: string) => string;
}

/**
 * Renders a widget inside the shared layout and sends it. Student data is never cached by the
 * browser or a proxy (`no-store`); the page language follows the viewer's locale.
 *
 * @param res - the response.
 * @param page - the widget, the viewer, the presented model and its provenance.
 */
export function sendPage(res: Response, page: PageRequest): void {
  const templates = loadTemplates();
  const template = templates.pages.get(page.widget);
  if (!template) throw new TypeError(`no template for widget ${page.widget}`);
  const locale = page.viewer.locale;
  const root = {
    locale,
    widget: page.widget,
    title: translate(locale, `widget.${page.widget}.title`),
    roleLabel: translate(locale, `role.${page.viewer.role}`),
    nav: listWidgetsFor(page.viewer.role).map((name) => ({
      name,
      href: page.sessionUrl(`/widgets/${name}`),
      label: translate(locale, `widget.${name}.title`),
      isCurrent: name === page.widget,
    })),
    provenance: page.provenance,
    sessionUrl: page.sessionUrl,
    sessionFields: sessionFieldsOf(res),
    page: page.model,
  };
  const content = template(root);
  res.status(200);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Language', locale);
  res.type('html').send(templates.layout({ ...root, content }));
}
