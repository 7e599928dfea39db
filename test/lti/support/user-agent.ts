/**
 * A browser stand-in over real HTTP: keeps cookies per host, follows the LTI redirects and
 * auto-posting forms the way a browser would, and lets tests stop at any step.
 */
export class TestUserAgent {
  readonly #jar = new Map<string, Map<string, string>>();
  readonly #headers: Record<string, string>;

  /** @param headers sent with every request (e.g. X-Forwarded-For to stand for many clients). */
  constructor(headers: Record<string, string> = {}) {
    this.#headers = headers;
  }

  cookiesFor(url: string): Map<string, string> {
    const host = new URL(url).host;
    let cookies = this.#jar.get(host);
    if (!cookies) {
      cookies = new Map();
      this.#jar.set(host, cookies);
    }
    return cookies;
  }

  /** Drops every cookie (a browser with third-party cookies blocked keeps none in the iframe). */
  clearCookies(): void {
    this.#jar.clear();
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const cookies = this.cookiesFor(url);
    const headers: Record<string, string> = {
      accept: 'text/html',
      ...this.#headers,
      ...init.headers,
    };
    if (cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers: init.form
        ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' }
        : headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const isExpired = attributes.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()),
      );
      if (isExpired) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
    const body = await response.text();
    const location = response.headers.get('location');
    return {
      status: response.status,
      body,
      location: location ? new URL(location, url).toString() : null,
      headers: response.headers,
    };
  }
}

/** Reads an auto-posting form: its action and hidden fields. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error('no form in page');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[match[1]!] = decodeEntities(match[2]!);
  }
  return { action: decodeEntities(action), fields };
}

/** Reads the data- attributes of the LTI pages' <main>. */
export function readMainData(html: string): Record<string, string> {
  const main = /<main id="lti-main"([^>]*)>/.exec(html)?.[1] ?? '';
  const data: Record<string, string> = {};
  for (const match of main.matchAll(/data-([a-z-]+)="([^"]*)"/g))
    data[match[1]!] = decodeEntities(match[2]!);
  return data;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');
}
