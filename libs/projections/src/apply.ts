import { comparePositions, type Position, type RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import { lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import { handlesType, type AnyProjection, type EventShape, type Projected, type RowChange } from './projection.js';

/** The event a projection could not apply, as every report names it. */
export interface FailedEvent {
  id: string;
  type: string;
  streamName: string;
  streamRevision: string;
  position: Position;
}

export function failedEvent(e: RecordedEvent): FailedEvent {
  return { id: e.id, type: e.type, streamName: e.streamName, streamRevision: e.streamRevision.toString(), position: e.position };
}

/** A projection failed on one event: which projection, which event, and why. */
export class ProjectionEventError extends Error {
  readonly event: FailedEvent;
  constructor(
    readonly projection: string,
    event: RecordedEvent,
    readonly reason: string,
  ) {
    super(`projection ${projection} cannot apply event ${event.id} (${event.type}, stream ${event.streamName} revision ${event.streamRevision}, position ${event.position}): ${reason}`);
    this.name = 'ProjectionEventError';
    this.event = failedEvent(event);
  }
}

/** An error's message, bounded: it goes into a table, a health answer and a log line. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

/**
 * Folds a batch into each read model's rows: load the rows the events touch, run the pure
 * `evolve` per event in log order, write what changed. A throwing `evolve` names its event;
 * a write that fails does not (the runtime narrows the batch to find it).
 */
export async function applyToReadModels(em: EntityManager, projection: AnyProjection, events: readonly RecordedEvent[]): Promise<void> {
  const handled = events.filter((e) => handlesType(projection, e.type)) as unknown as Projected<EventShape>[];
  if (!handled.length) return;
  for (const model of projection.readModels) {
    const keyed: [string, Projected<EventShape>][] = [];
    for (const e of handled) {
      const key = attributed(projection, e, () => model.rowKey(e));
      if (key !== null) keyed.push([key, e]);
    }
    if (!keyed.length) continue;
    const keys = [...new Set(keyed.map(([k]) => k))];
    const stored = await model.storage.load(em, keys);
    const rows = new Map<string, unknown>(stored);
    for (const [key, e] of keyed) rows.set(key, attributed(projection, e, () => model.evolve(rows.get(key) ?? null, e)));
    const changes: RowChange<unknown>[] = [];
    for (const key of keys) {
      const before = stored.get(key) ?? null;
      const after = rows.get(key) ?? null;
      if (after !== before) changes.push({ key, before, after });
    }
    if (changes.length) await model.storage.save(em, changes);
  }
}

function attributed<T>(projection: AnyProjection, event: Projected<EventShape>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new ProjectionEventError(projection.name, event as unknown as RecordedEvent, errorMessage(error));
  }
}

/**
 * One step of a live projector, inside its transaction: take the checkpoint row, apply what
 * is newer than it, move it. A failure of a single event is reported as that event's.
 * Returns the new checkpoint, or null when every event had been applied already.
 */
export async function applyAndCheckpoint(em: EntityManager, projection: AnyProjection, events: readonly RecordedEvent[]): Promise<Position | null> {
  const from = await lockCheckpoint(em, projection.name);
  // A second runner of the same projection may have applied some of these already.
  const fresh = events.filter((e) => comparePositions(e.position, from) > 0);
  if (!fresh.length) return null;
  try {
    await applyToReadModels(em, projection, fresh);
  } catch (error) {
    if (fresh.length === 1 && !(error instanceof ProjectionEventError)) throw new ProjectionEventError(projection.name, fresh[0], errorMessage(error));
    throw error;
  }
  const last = fresh[fresh.length - 1].position;
  await saveCheckpoint(em, projection.name, last);
  return last;
}
