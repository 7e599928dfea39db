import type Handlebars from 'handlebars';
import { translate, type Locale } from './string-catalogue.js';

type HelperOptions = Handlebars.HelperOptions;

function localeOf(options: HelperOptions): Locale {
  return (options.data?.root?.locale as Locale | undefined) ?? 'en';
}

function bcp47(locale: Locale): string {
  return locale === 'es' ? 'es-US' : 'en-US';
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Intl formatters are costly to build and every page uses dozens: one per locale and style. */
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  build: () => T,
): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = build();
    formats.set(key, format);
  }
  return format;
}

/**
 * Registers the helpers templates use: `t` (string catalogue), `number`, `percent`, `dollars`,
 * `date`, `eq`, `url` (an in-tool link that keeps the launch session). Every helper returns
 * plain text, which Handlebars then escapes.
 *
 * @param engine - an isolated Handlebars environment.
 */
export function registerViewHelpers(engine: typeof Handlebars): void {
  engine.registerHelper('t', function t(key: string, options: HelperOptions) {
    return translate(localeOf(options), key, options.hash);
  });
  engine.registerHelper('number', function number(value: unknown, options: HelperOptions) {
    if (typeof value !== 'number') return value ?? '—';
    const locale = bcp47(localeOf(options));
    return formatter(`n/${locale}`, () => new Intl.NumberFormat(locale)).format(value);
  });
  engine.registerHelper('percent', function percent(value: unknown, options: HelperOptions) {
    if (typeof value !== 'number') return value ?? '—';
    const locale = bcp47(localeOf(options));
    const format = formatter(
      `p/${locale}`,
      () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    );
    return `${format.format(value)} %`;
  });
  engine.registerHelper('dollars', function dollars(value: unknown, options: HelperOptions) {
    if (typeof value !== 'number') return value ?? '—';
    const locale = bcp47(localeOf(options));
    const format = formatter(
      `$/${locale}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: 'USD',
          maximumFractionDigits: 0,
        }),
    );
    return format.format(value);
  });
  engine.registerHelper('date', function date(value: unknown, options: HelperOptions) {
    if (value === null || value === undefined || value === '') return '—';
    const instant = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(instant.getTime())) return String(value);
    const isDateOnly = typeof value === 'string' && value.length === 10;
    const locale = bcp47(localeOf(options));
    const format = formatter(
      `${isDateOnly ? 'd' : 't'}/${locale}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          ...(isDateOnly
            ? { timeZone: 'UTC' }
            : { timeStyle: 'short', timeZone: 'America/Chicago' }),
        }),
    );
    return format.format(instant);
  });
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  engine.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
  engine.registerHelper('url', function url(path: string, options: HelperOptions) {
    const sessionUrl = options.data?.root?.sessionUrl as ((p: string) => string) | undefined;
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(options.hash ?? {})) {
      if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
    }
    const full = query.size > 0 ? `${path}?${query.toString()}` : path;
    return sessionUrl ? sessionUrl(full) : full;
  });
}
