/**
 * Polls `probe` until it returns a value other than undefined (background jobs finishing).
 *
 * @param probe - the check.
 * @param timeoutMs - how long to wait.
 * @returns the first defined value.
 * @throws Error when the time runs out.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
