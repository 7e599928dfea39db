/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A small, complete HTML page of the LTI module. Scripts and styles are external files (the
 * Content-Security-Policy forbids inline ones); `data` becomes data- attributes of <main>, the
 * only way server values reach those scripts.
 * @param options title, body HTML (already escaped), scripts and data attributes.
 * @returns the page.
 */
export function renderPage(options: {
  title: string;
  bodyHtml: string;
  scripts?: string[];
  data?: Record<string, string>;
  lang?: string;
}): string {
  const data = Object.entries(options.data ?? {})
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join('');
  const scripts = (options.scripts ?? [])
    .map((src) => `<script src="${escapeHtml(src)}" defer></script>`)
    .join('');
  return (
    `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(options.title)}</title><link rel="stylesheet" href="/lti/assets/lti.css">${scripts}</head>` +
    `<body><main id="lti-main"${data}>${options.bodyHtml}</main></body></html>`
  );
}

/**
 * The page shown when a login or launch is refused: the code and a safe sentence, never the
 * token, a claim or a stack trace.
 */
export function renderRejection(code: string, message: string, requestId: string): string {
  return renderPage({
    title: 'This launch was refused',
    bodyHtml:
      `<h1>We could not open CCMR Readiness</h1><p>${escapeHtml(message)}</p>` +
      `<p>Please open the tool again from your course or portal. If this keeps happening, tell ` +
      `your LMS administrator the code <code>${escapeHtml(code)}</code> and reference ` +
      `<code>${escapeHtml(requestId)}</code>.</p>`,
  });
}
