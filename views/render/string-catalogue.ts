import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateViewsFolder } from './views-folder.js';

/** The languages every page can be shown in. */
export type Locale = 'en' | 'es';

export const LOCALES: readonly Locale[] = ['en', 'es'];

type Catalogue = Record<string, string>;

let loaded: Record<Locale, Catalogue> | undefined;

function loadCatalogues(): Record<Locale, Catalogue> {
  const folder = join(locateViewsFolder(), 'strings');
  const read = (locale: Locale) =>
    JSON.parse(readFileSync(join(folder, `${locale}.json`), 'utf8')) as Catalogue;
  loaded = { en: read('en'), es: read('es') };
  return loaded;
}

/**
 * One sentence of the interface in the viewer's language. `{name}` placeholders are filled
 * from `values`. A key missing in Spanish falls back to English, and a key missing everywhere
 * shows the key itself, so a gap is visible on the page and caught by the catalogue test.
 *
 * @param locale - `en` or `es`.
 * @param key - catalogue key, e.g. `card.title`.
 * @param values - placeholder values.
 * @returns the translated text (not yet HTML-escaped).
 */
export function translate(
  locale: Locale,
  key: string,
  values: Record<string, unknown> = {},
): string {
  const catalogues = loaded ?? loadCatalogues();
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

/**
 * Every key of a catalogue, for the test that keeps English and Spanish aligned.
 *
 * @param locale - `en` or `es`.
 * @returns the keys, sorted.
 */
export function listCatalogueKeys(locale: Locale): string[] {
  const catalogues = loaded ?? loadCatalogues();
  return Object.keys(catalogues[locale]).sort();
}
