/**
 * Deterministic randomness by position: `randomAt(seed, ...keys)` is a pure function, so any
 * record of the generated district can be produced alone, in any order, without state.
 */

/** Mixes 32-bit integers into one well-spread 32-bit value (a murmur3-style finaliser). */
export function hashInts(seed: number, ...keys: number[]): number {
  let h = seed >>> 0;
  for (const key of keys) {
    h = Math.imul(h ^ (key >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    h = (h + 0x9e3779b9) >>> 0;
  }
  return h;
}

/** A number in [0, 1) fixed by the seed and keys. */
export function randomAt(seed: number, ...keys: number[]): number {
  return hashInts(seed, ...keys) / 0x1_0000_0000;
}

/** An element of `list` fixed by the seed and keys. */
export function pickAt<T>(list: readonly T[], seed: number, ...keys: number[]): T {
  return list[Math.floor(randomAt(seed, ...keys) * list.length)]!;
}
