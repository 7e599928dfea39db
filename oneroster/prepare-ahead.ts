/**
 * The items of `source`, each passed through `prepare`, with the next item pulled and prepared
 * while the caller works on the current one. A roster page's CPU work (mapping, row ids, hashes,
 * JSON) then overlaps the database statements of the page before it, while pages still reach the
 * caller, and so the database, strictly in order. A failure pulling or preparing the next item
 * surfaces only when the caller asks for it, after it finished the current one, so the first
 * problem reported is still the first in source order.
 */
export async function* prepareAhead<T, U>(
  source: AsyncIterable<T>,
  prepare: (item: T) => U,
): AsyncGenerator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const pull = async (): Promise<{ value: U } | undefined> => {
    const next = await iterator.next();
    return next.done ? undefined : { value: prepare(next.value) };
  };
  let finished = false;
  try {
    let pending = pull();
    for (;;) {
      const current = await pending;
      if (!current) {
        finished = true;
        return;
      }
      pending = pull();
      // The caller may stop early; the item pulled ahead failing then is not its concern.
      pending.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // Closes the source (a file stream, a paging request) when the caller stopped early.
    if (!finished) void iterator.return?.()?.catch(() => undefined);
  }
}
