/**
 * The origins of the registered LTI platforms. The Content-Security-Policy lets only these frame
 * the tool (frame-ancestors) and receive its form posts (form-action, for deep-linking returns).
 * The LTI module replaces the list whenever registrations change.
 */
export class OriginList {
  #origins: string[] = [];

  /** Current origins, deduplicated and sorted. */
  list(): readonly string[] {
    return this.#origins;
  }

  /**
   * Replaces the list.
   * @throws TypeError for anything that is not a bare http(s) origin.
   */
  set(origins: Iterable<string>): void {
    const unique = new Set<string>();
    for (const origin of origins) {
      const url = new URL(origin);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new TypeError(`not an http(s) origin: ${origin}`);
      }
      unique.add(url.origin);
    }
    this.#origins = [...unique].sort();
  }
}
