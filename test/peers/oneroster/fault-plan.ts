/** One injected failure: answer `status` instead of data, `times` times, after `afterRequests`. */
export interface Fault {
  status: number;
  times: number;
  /** Value of the Retry-After header (seconds or an HTTP date), if any. */
  retryAfter?: string;
  /** Only requests whose path contains this string. */
  pathIncludes?: string;
  /** Let this many matching data requests through first. */
  afterRequests?: number;
}

/** Failures the provider will answer with, for tests of retries and interrupted syncs. */
export class FaultPlan {
  readonly #faults: Array<Fault & { seen: number }> = [];
  /** Faults answered so far. */
  injected = 0;

  /** Adds a fault to the plan. */
  add(fault: Fault): void {
    this.#faults.push({ ...fault, seen: 0 });
  }

  /** Removes every pending fault. */
  clear(): void {
    this.#faults.length = 0;
  }

  /** The fault to answer this request with, if any; counts it. */
  take(path: string): Fault | undefined {
    for (const fault of this.#faults) {
      if (fault.pathIncludes && !path.includes(fault.pathIncludes)) continue;
      fault.seen += 1;
      if (fault.seen <= (fault.afterRequests ?? 0) || fault.times <= 0) continue;
      fault.times -= 1;
      this.injected += 1;
      return fault;
    }
    return undefined;
  }
}
