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
  /**
   * The model holds aggregates only, no student's own data: the page may be kept in memory and
   * sent again for a request that renders from exactly the same inputs.
   */
  isReusable?: boolean;
}

/** How many reusable pages one process keeps (a few per campus, locale and class). */
const MAX_REUSABLE_PAGES = 200;

/** Reusable pages by everything they were rendered from, oldest first. */
const reusablePages = new Map<string, string>();

/**
 * The key of a reusable page: every input of the templates. Links are built by `sessionUrl`,
 * which returns the path unchanged for cookie sessions; a query session's links carry its
 * token, so its pages are never reused.
 */
function reuseKeyOf(res: Response, page: PageRequest, root: object): string | undefined {
  if (!page.isReusable || res.locals.sessionTransport === 'query') return undefined;
  return JSON.stringify({ ...root, sessionUrl: undefined });
}

function keepReusable(key: string, html: string): void {
  reusablePages.set(key, html);
  if (reusablePages.size > MAX_REUSABLE_PAGES) {
    reusablePages.delete(reusablePages.keys().next().value!);
  }
}

/**
 * Renders a widget inside the shared layout and sends it, or sends the same page rendered
 * before when the request marks it reusable (aggregates only). Student data is never cached
 * by the browser or a proxy (`no-store`); the page language follows the viewer's locale.
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
  const reuseKey = reuseKeyOf(res, page, root);
  let html = reuseKey === undefined ? undefined : reusablePages.get(reuseKey);
  if (html === undefined) {
    html = templates.layout({ ...root, content: template(root) });
    if (reuseKey !== undefined) keepReusable(reuseKey, html);
  }
  res.status(200);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Language', locale);
  res.type('html').send(html);
}
