import { comparePositions, START, type EventStore, type Position, type RecordedEvent } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { inBatches } from './batches.js';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface ProjectionStatus {
  name: string;
  position: Position;
  running: boolean;
  lastError: string | null;
  /** Events not yet applied (capped at LAG_COUNT_CAP: "at least"). */
  eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  secondsBehind: number;
}

export interface RunnerLogger {
  log(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const LAG_COUNT_CAP = 10_000;
const BATCH = 500;

async function applyInTransaction(em: EntityManager, projection: Projection, events: RecordedEvent[], from: Position): Promise<Position | null> {
  const wanted = new Set(projection.eventTypes);
  // A second runner of the same projection may have applied some of these already.
  const fresh = events.filter((e) => comparePositions(e.position, from) > 0);
  const relevant = fresh.filter((e) => wanted.has(e.type));
  if (projection.applyBatch) {
    if (relevant.length) await projection.applyBatch(relevant, em);
  } else {
    for (const e of relevant) await projection.apply(e, em);
  }
  return fresh.length ? fresh[fresh.length - 1].position : null;
}

/** Runs projections: catch up from each checkpoint, then live; rebuilds one from zero. */
export class ProjectionRunner {
  private readonly controller = new AbortController();
  private readonly loops = new Map<string, Promise<void>>();
  private readonly errors = new Map<string, string | null>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    private readonly logger: RunnerLogger,
  ) {}

  start(): void {
    for (const p of this.projections) if (!this.loops.has(p.name)) this.loops.set(p.name, this.run(p));
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.loops.values());
    this.loops.clear();
  }

  /** Called after each committed batch: lets waiting queries re-check without polling hard. */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(projection: Projection): Promise<void> {
    const signal = this.controller.signal;
    let backoff = 100;
    while (!signal.aborted) {
      // Each attempt has its own subscription, ended before the next attempt starts: a
      // subscription waiting for new events would otherwise hold up the retry.
      const attempt = new AbortController();
      const stop = () => attempt.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        const { position } = await readCheckpoint(this.dataSource, projection.name);
        const events = this.store.subscribeToAll({ fromPosition: position, signal: attempt.signal, batchSize: BATCH });
        for await (const batch of inBatches(events, BATCH)) {
          try {
            await this.dataSource.transaction(async (em) => {
              const from = await lockCheckpoint(em, projection.name);
              const last = await applyInTransaction(em, projection, batch, from);
              if (last) await saveCheckpoint(em, projection.name, last);
            });
          } catch (error) {
            attempt.abort();
            throw error;
          }
          this.errors.set(projection.name, null);
          backoff = 100;
          for (const l of this.listeners) l();
        }
      } catch (error) {
        if (signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        this.errors.set(projection.name, message);
        this.logger.error(`projection ${projection.name} failed; retrying from its checkpoint in ${backoff} ms`, { projection: projection.name, error: message });
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      } finally {
        signal.removeEventListener('abort', stop);
        attempt.abort();
      }
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(this.projections.map((p) => projectionStatus(this.store, this.dataSource, p.name, this.loops.has(p.name), this.errors.get(p.name) ?? null)));
  }
}

export async function projectionStatus(store: EventStore, ds: DataSource, name: string, running: boolean, lastError: string | null): Promise<ProjectionStatus> {
  const { position } = await readCheckpoint(ds, name);
  const behind = await store.readAll({ fromPosition: position, limit: LAG_COUNT_CAP });
  const oldest = behind[0];
  return {
    name,
    position,
    running,
    lastError,
    eventsBehind: behind.length,
    secondsBehind: oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0,
  };
}

/**
 * Rebuilds one projection from the first event, in one transaction: readers keep seeing the
 * old rows until it commits (reset() deletes rather than truncates), and a live runner of the
 * same projection waits on the checkpoint row meanwhile, then carries on from where the
 * rebuild stopped. While it runs, its transaction holds back every subscriber (the xmin guard
 * cannot pass an open writer): fine for this federation's volumes, minutes at most.
 */
export async function rebuildProjection(
  store: EventStore,
  ds: DataSource,
  projection: Projection,
  onProgress: (applied: number, position: Position) => void = () => undefined,
): Promise<{ events: number; position: Position }> {
  return ds.transaction(async (em) => {
    await lockCheckpoint(em, projection.name);
    await projection.reset(em);
    let position: Position = START;
    let count = 0;
    while (true) {
      const page = await store.readAll({ fromPosition: position, limit: 2000 });
      if (page.length === 0) break;
      await applyInTransaction(em, projection, page, START);
      position = page[page.length - 1].position;
      count += page.length;
      onProgress(count, position);
    }
    await saveCheckpoint(em, projection.name, position);
    return { events: count, position };
  });
}
