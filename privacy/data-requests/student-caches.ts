/** An in-process cache that may hold student data, and how to drop a district's entries. */
export interface StudentDataCache {
  name: string;
  forgetTenant(tenantId: string): void;
}

const caches = new Map<string, StudentDataCache>();

/**
 * Registers a cache so deletions and offboarding empty it (privacy-checklist.md R7: caches).
 * Registering the same name again replaces the earlier entry.
 * @param cache the cache's name and its forget function.
 */
export function registerStudentDataCache(cache: StudentDataCache): void {
  caches.set(cache.name, cache);
}

/**
 * Drops a district's entries from every registered cache.
 * @returns the names of the caches emptied.
 */
export function forgetTenantCaches(tenantId: string): string[] {
  for (const cache of caches.values()) cache.forgetTenant(tenantId);
  return [...caches.keys()];
}
