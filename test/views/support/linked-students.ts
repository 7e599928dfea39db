/** Decodes the entities Handlebars writes in attributes (`&#x3D;`, `&amp;`). */
export function decodeAttributes(html: string): string {
  return html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
}

/**
 * The internal ids of every student a page links to (student-card links).
 *
 * @param html - the page.
 * @returns the distinct ids, in page order.
 */
export function linkedStudentIds(html: string): string[] {
  const ids = [...decodeAttributes(html).matchAll(/student-card\?student=([0-9a-f-]{36})/g)];
  return [...new Set(ids.map((m) => m[1]))];
}
