/** A counting semaphore: at most `max` holders at once, others wait in order. */
export class ConcurrencyLimit {
  readonly max: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new TypeError('concurrency must be a positive integer');
    this.max = max;
  }

  /** Runs `work` once a slot is free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active >= this.max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active += 1;
    try {
      return await work();
    } finally {
      this.#active -= 1;
      this.#waiting.shift()?.();
    }
  }
}

const limits = new Map<string, ConcurrencyLimit>();

/**
 * The limit shared by every client of one provider (by origin) in this process, so several
 * districts on the same provider do not together exceed what it allows.
 */
export function limitForProvider(origin: string, max: number): ConcurrencyLimit {
  const key = `${origin}|${max}`;
  let limit = limits.get(key);
  if (!limit) limits.set(key, (limit = new ConcurrencyLimit(max)));
  return limit;
}
