import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';

/** What every domain event is: a type and its data. */
export interface EventShape {
  readonly type: string;
  readonly data: unknown;
}

/**
 * A recorded event of one of the union's types, its data narrowed with its type: a `switch`
 * on `event.type` gives the event's own data, with no cast in the projection.
 */
export type Projected<E extends EventShape> = E extends unknown ? Omit<RecordedEvent, 'type' | 'data'> & { readonly type: E['type']; readonly data: E['data'] } : never;

/**
 * Every event type of the projection's union, each decided: `true` it is applied, `false` it
 * is deliberately passed over. An event type added to the union and not decided here fails to
 * compile, so no new event is silently skipped.
 */
export type Handles<E extends EventShape> = { readonly [K in E['type']]: boolean };

/** One row before and after a batch: what the storage writes. */
export interface RowChange<Row> {
  readonly key: string;
  readonly before: Row | null;
  readonly after: Row | null;
}

/** Where a read model's rows live. Only the runtime calls it, inside its transaction. */
export interface RowStorage<Row> {
  /** The stored rows for these keys (absent keys: no row yet). */
  load(em: EntityManager, keys: readonly string[]): Promise<ReadonlyMap<string, Row>>;
  /** Writes the rows a batch changed (after === null: the row goes). */
  save(em: EntityManager, changes: readonly RowChange<Row>[]): Promise<void>;
  /** Forgets every row, for a rebuild. DELETE, not TRUNCATE: readers keep the old rows until it commits. */
  reset(em: EntityManager): Promise<void>;
}

/**
 * One read model fed by a projection: which row an event changes and how, as pure functions,
 * and where the rows live. `evolve` returning the row it was given means "unchanged".
 */
export interface ReadModel<E extends EventShape, Row> {
  readonly table: string;
  rowKey(event: Projected<E>): string | null;
  evolve(row: Row | null, event: Projected<E>): Row | null;
  readonly storage: RowStorage<Row>;
}

/**
 * A read model (or a few fed by the same events) kept from the global log. The projection is
 * data: the events it handles and pure `evolve`s. The runtime owns the transaction, the
 * checkpoint, loading and writing rows, retries and failure reports.
 */
export interface Projection<E extends EventShape = EventShape> {
  readonly name: string;
  readonly handles: Handles<E>;
  readonly readModels: readonly ReadModel<E, any>[];
}

export type AnyProjection = Projection<any>;

/** Declares a projection; the type parameter is the union of the events it reads. */
export function defineProjection<E extends EventShape>(projection: Projection<E>): Projection<E> {
  return projection;
}

/** Whether the projection applies events of this type (own keys only: "constructor" is not an event type). */
export function handlesType(projection: AnyProjection, type: string): boolean {
  return Object.hasOwn(projection.handles, type) && (projection.handles as Record<string, boolean>)[type] === true;
}

/** The event types a projection applies, for logs and docs. */
export function handledTypes(projection: AnyProjection): string[] {
  return Object.entries(projection.handles as Record<string, boolean>)
    .filter(([, on]) => on)
    .map(([type]) => type);
}
