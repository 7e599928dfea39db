/**
 * Stand-ins for outside systems the demo starts in its own process (an SFTP server for Skyward),
 * stopped when the demo stops.
 */
const closers: Array<() => Promise<void> | void> = [];

/** Registers something the demo started, to stop when the demo stops. */
export function stopWithDemo(close: () => Promise<void> | void): void {
  closers.push(close);
}

/** Stops everything the demo started, newest first; a failure does not keep the rest running. */
export async function stopDemoPeers(): Promise<void> {
  for (const close of closers.splice(0).reverse()) {
    try {
      await close();
    } catch {
      // The process is exiting; an orphaned peer is the operating system's to reap.
    }
  }
}
