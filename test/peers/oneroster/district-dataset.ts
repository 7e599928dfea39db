import { DistrictGenerator, type Entity, type WireRecord } from './district-generator.js';

/**
 * The provider's current data: the generated district plus the changes a test or benchmark made
 * since (updates, `tobedeleted` marks, records removed without trace, new records). Changes are
 * few, so they are kept in maps; everything else is still generated on demand.
 */
export class DistrictDataset {
  readonly generator: DistrictGenerator;
  readonly #changed = new Map<Entity, Map<string, WireRecord | null>>();
  readonly #added = new Map<Entity, WireRecord[]>();

  constructor(generator: DistrictGenerator) {
    this.generator = generator;
  }

  #changes(entity: Entity): Map<string, WireRecord | null> {
    let map = this.#changed.get(entity);
    if (!map) this.#changed.set(entity, (map = new Map()));
    return map;
  }

  /** The current record, or undefined when it does not exist (or was removed). */
  get(entity: Entity, sourcedId: string): WireRecord | undefined {
    const changed = this.#changed.get(entity)?.get(sourcedId);
    if (changed !== undefined) return changed ?? undefined;
    const index = this.generator.indexOf(entity, sourcedId);
    if (index !== undefined) return this.generator.recordAt(entity, index);
    return this.#added.get(entity)?.find((r) => r.sourcedId === sourcedId);
  }

  /** Changes fields of a record and stamps its dateLastModified. */
  update(
    entity: Entity,
    sourcedId: string,
    patch: Record<string, unknown>,
    modifiedAt: string,
  ): void {
    const current = this.get(entity, sourcedId);
    if (!current) throw new RangeError(`no ${entity} record ${sourcedId}`);
    const next = { ...current, ...patch, dateLastModified: modifiedAt } as WireRecord;
    this.#replace(entity, next);
  }

  /** Marks a record `tobedeleted`, as providers do for deletions a delta sync must see. */
  markToBeDeleted(entity: Entity, sourcedId: string, modifiedAt: string): void {
    this.update(entity, sourcedId, { status: 'tobedeleted' }, modifiedAt);
  }

  /** Removes a record without trace: only a full sync can notice it is gone. */
  remove(entity: Entity, sourcedId: string): void {
    const added = this.#added.get(entity);
    const position = added?.findIndex((r) => r.sourcedId === sourcedId) ?? -1;
    if (added && position >= 0) added.splice(position, 1);
    else this.#changes(entity).set(sourcedId, null);
  }

  /** Adds a new record at the end of its collection. */
  add(entity: Entity, record: WireRecord): void {
    let list = this.#added.get(entity);
    if (!list) this.#added.set(entity, (list = []));
    list.push(record);
  }

  #replace(entity: Entity, record: WireRecord): void {
    const added = this.#added.get(entity);
    const position = added?.findIndex((r) => r.sourcedId === record.sourcedId) ?? -1;
    if (added && position >= 0) added[position] = record;
    else this.#changes(entity).set(record.sourcedId, record);
  }

  /** Whether positions can be computed directly (no record was removed from the collection). */
  isDirectlyAddressable(entity: Entity): boolean {
    for (const value of this.#changed.get(entity)?.values() ?? []) if (value === null) return false;
    return true;
  }

  /** Number of records of the collection. */
  count(entity: Entity): number {
    let removed = 0;
    for (const value of this.#changed.get(entity)?.values() ?? []) if (value === null) removed += 1;
    return this.generator.count(entity) - removed + (this.#added.get(entity)?.length ?? 0);
  }

  /** The record at a position, when `isDirectlyAddressable(entity)`. */
  recordAtPosition(entity: Entity, position: number): WireRecord {
    const generated = this.generator.count(entity);
    if (position >= generated) return this.#added.get(entity)![position - generated]!;
    const changed = this.#changed.get(entity)?.get(this.generator.sourcedIdAt(entity, position));
    return changed ?? this.generator.recordAt(entity, position);
  }

  /** Every record of the collection in order, generated lazily. */
  *records(entity: Entity): Generator<WireRecord> {
    const changes = this.#changed.get(entity);
    const generated = this.generator.count(entity);
    for (let i = 0; i < generated; i += 1) {
      if (changes) {
        const changed = changes.get(this.generator.sourcedIdAt(entity, i));
        if (changed === null) continue;
        if (changed) {
          yield changed;
          continue;
        }
      }
      yield this.generator.recordAt(entity, i);
    }
    yield* this.#added.get(entity) ?? [];
  }
}
