import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { registerViewHelpers } from './view-helpers.js';
import { locateViewsFolder } from './views-folder.js';

/** A compiled page template: model in, HTML out. */
export type PageTemplate = (model: object) => string;

/** The compiled templates of the widgets, with the shared layout and partials. */
export interface TemplateSet {
  layout: PageTemplate;
  pages: Map<string, PageTemplate>;
}

let compiled: TemplateSet | undefined;

function readTemplates(folder: string): Array<[string, string]> {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => [basename(file, '.hbs'), readFileSync(join(folder, file), 'utf8')]);
}

/**
 * Compiles every template once per process in an isolated Handlebars environment (no global
 * helpers leak in or out). `strict` makes a misspelt field fail the render loudly instead of
 * showing an empty cell; `{{ }}` escapes, and the layout's one triple-stash takes only the
 * page HTML this engine rendered.
 *
 * @returns the layout and the widget templates by name.
 */
export function loadTemplates(): TemplateSet {
  if (compiled) return compiled;
  const engine = Handlebars.create();
  registerViewHelpers(engine);
  const root = join(locateViewsFolder(), 'templates');
  for (const [name, source] of readTemplates(join(root, 'partials'))) {
    engine.registerPartial(name, source);
  }
  const options = { strict: true, assumeObjects: true };
  const pages = new Map<string, PageTemplate>();
  for (const [name, source] of readTemplates(join(root, 'widgets'))) {
    pages.set(name, engine.compile(source, options));
  }
  const layout = engine.compile(readFileSync(join(root, 'layout.hbs'), 'utf8'), options);
  compiled = { layout, pages };
  return compiled;
}
