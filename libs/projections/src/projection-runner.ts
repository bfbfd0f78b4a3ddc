import { hostname } from 'node:os';
import { comparePositions, type EventStore, type RecordedEvent } from '#event-store';
import type { DataSource } from 'typeorm';
import { applyAndCheckpoint, errorMessage, ProjectionEventError } from './apply.js';
import { inBatches } from './batches.js';
import { advanceCheckpoints, readCheckpoint } from './checkpoints.js';
import { clearFailure, describeFailure, readFailure, recordFailure, type ProjectionFailure } from './failures.js';
import { handlesType, type AnyProjection } from './projection.js';
import { projectionStatuses, type ProjectionStatus } from './status.js';

export interface RunnerLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn?(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface RunnerOptions {
  /** First wait after a failure, doubled on each further failure up to maxMs. */
  retry?: { initialMs?: number; maxMs?: number };
  /** When a failure began and was last tried: the clock of the process. */
  clock?: () => Date;
}

const BATCH = 500;
const DEFAULT_RETRY = { initialMs: 200, maxMs: 30_000 };

/** Sleeps `ms`, or less if `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs projections: catch up from each checkpoint, then live. A projection that fails is
 * never silent: the runner narrows a failed batch to the event that fails, records it in
 * `projection_failures` (every process reports it from there), logs it once per change, and
 * retries from its checkpoint with a capped exponential backoff until the event applies.
 */
export class ProjectionRunner {
  private readonly controller = new AbortController();
  private readonly loops = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private readonly retry: { initialMs: number; maxMs: number };
  private readonly reportedBy = `${hostname()}:${process.pid}`;
  private readonly clock: () => Date;
  /** How far past unhandled events to move each projection's checkpoint, and the move in flight. */
  private readonly passedOver = new Map<string, RecordedEvent['position']>();
  private moving: Promise<void> | null = null;
  /** Ends a projection's backoff early (see retryNow). */
  private readonly waking = new Map<string, AbortController>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly AnyProjection[],
    private readonly logger: RunnerLogger,
    options: RunnerOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? (() => new Date());
  }

  start(): void {
    for (const p of this.projections) if (!this.loops.has(p.name)) this.loops.set(p.name, this.run(p));
  }

  /** Stops every loop at once (an attempt in flight is abandoned, its transaction rolled back). */
  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.loops.values());
    await this.moving;
    this.loops.clear();
  }

  /**
   * Cuts a failing projection's backoff short, so its next attempt re-reads the checkpoint now
   * (after an administrator skipped the event it was stuck on). Without it the attempt comes
   * when the backoff ends anyway (at most `retry.maxMs`), also in a process that did not skip.
   */
  retryNow(name: string): void {
    this.waking.get(name)?.abort();
  }

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  /** Called after each committed batch: lets waiting queries re-check without polling hard. */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Commits a batch in one transaction. When that fails and the failure names no event, the
   * events go again one per transaction: those before the bad one commit, and the error that
   * comes out names the event the projection cannot apply.
   */
  private async commit(projection: AnyProjection, batch: RecordedEvent[]): Promise<void> {
    if (!batch.some((e) => handlesType(projection, e.type))) return this.passOver(projection.name, batch[batch.length - 1].position);
    // A move past earlier batches may still be in flight: it is guarded, so if it lands after
    // this batch's commit it changes nothing.
    try {
      await this.dataSource.transaction((em) => applyAndCheckpoint(em, projection, batch));
    } catch (error) {
      if (batch.length === 1 || error instanceof ProjectionEventError || this.stopping) throw error;
      for (const event of batch) {
        await this.dataSource.transaction((em) => applyAndCheckpoint(em, projection, [event]));
        for (const l of this.listeners) l();
      }
    }
  }

  /**
   * A batch with nothing this projection handles writes nothing: no transaction, no lock; the
   * checkpoint moves past it in one statement shared by every projection passing over events,
   * and while that is under way later batches only raise the marks (so a busy log costs one
   * statement per round trip, not one per projection and batch). A crash before the move costs
   * a re-read of those events, never a missed one.
   */
  private passOver(name: string, position: RecordedEvent['position']): void {
    this.passedOver.set(name, position);
    this.moving ??= (async () => {
      while (this.passedOver.size) {
        const moves = new Map(this.passedOver);
        this.passedOver.clear();
        try {
          if ((await advanceCheckpoints(this.dataSource, moves)).length) for (const l of this.listeners) l();
        } catch (error) {
          // The next batch a projection handles moves its checkpoint anyway; a database that is
          // down shows there first.
          this.logger.warn?.(`projections ${[...moves.keys()].join(', ')}: could not move their checkpoints past events they do not handle (${errorMessage(error)})`);
        }
      }
      this.moving = null;
    })();
  }

  private async run(projection: AnyProjection): Promise<void> {
    const signal = this.controller.signal;
    const name = projection.name;
    let backoff = this.retry.initialMs;
    let failure: ProjectionFailure | null = null;
    // A failure another run left on record goes once this one is past its event.
    let onRecord = true;
    while (!signal.aborted) {
      // Each attempt has its own subscription, ended before the next attempt starts: a
      // subscription waiting for new events would otherwise hold up the retry.
      const attempt = new AbortController();
      const stop = () => attempt.abort();
      signal.addEventListener('abort', stop, { once: true });
      try {
        const { position } = await readCheckpoint(this.dataSource, name);
        if (onRecord) {
          const recorded = await readFailure(this.dataSource, name);
          // A failure on record stands while its event is still ahead of the checkpoint, and
          // there: an event taken out of the log by hand leaves nothing ahead to wait for.
          const passed = !recorded?.event || comparePositions(recorded.event.position, position) <= 0;
          if (passed || !(await this.store.readAll({ fromPosition: position, limit: 1 })).length) {
            if (recorded) await clearFailure(this.dataSource, name);
            if (failure && !failure.event) {
              this.recovered(name, failure);
              failure = null;
              backoff = this.retry.initialMs;
            }
            onRecord = false;
          }
        }
        const events = this.store.subscribeToAll({ fromPosition: position, signal: attempt.signal, batchSize: BATCH });
        for await (const batch of inBatches(events, BATCH)) {
          try {
            await this.commit(projection, batch);
          } catch (error) {
            attempt.abort();
            throw error;
          }
          if (failure || onRecord) {
            await clearFailure(this.dataSource, name);
            if (failure) this.recovered(name, failure);
            failure = null;
            onRecord = false;
          }
          backoff = this.retry.initialMs;
          for (const l of this.listeners) l();
        }
      } catch (error) {
        if (signal.aborted) return;
        failure = this.nextFailure(name, failure, error, backoff);
        await recordFailure(this.dataSource, failure).then(
          () => (onRecord = true),
          (e: unknown) => this.logger.warn?.(`projection ${name}: could not record its failure (${errorMessage(e)})`, { projection: name }),
        );
        const wake = new AbortController();
        this.waking.set(name, wake);
        await sleep(backoff, AbortSignal.any([signal, wake.signal]));
        this.waking.delete(name);
        backoff = Math.min(backoff * 2, this.retry.maxMs);
      } finally {
        signal.removeEventListener('abort', stop);
        attempt.abort();
      }
    }
  }

  private recovered(name: string, failure: ProjectionFailure): void {
    this.logger.log(`projection ${name} recovered after ${failure.attempts} failed attempt${failure.attempts === 1 ? '' : 's'}`, { projection: name });
  }

  /** The failure after one more failed attempt; logged when it is new or its event or error changed. */
  private nextFailure(name: string, previous: ProjectionFailure | null, error: unknown, backoff: number): ProjectionFailure {
    const now = this.clock();
    const event = error instanceof ProjectionEventError ? error.event : null;
    const message = error instanceof ProjectionEventError ? error.reason : errorMessage(error);
    const same = previous && previous.event?.id === event?.id && previous.error === message;
    const failure: ProjectionFailure = {
      projection: name,
      event,
      error: message,
      since: same ? previous.since : now.toISOString(),
      lastAttemptAt: now.toISOString(),
      attempts: same ? previous.attempts + 1 : 1,
      nextAttemptAt: new Date(now.getTime() + backoff).toISOString(),
      reportedBy: this.reportedBy,
    };
    if (!same) {
      this.logger.error(`projection ${name} ${describeFailure(failure)}; retrying from its checkpoint with backoff (up to ${this.retry.maxMs / 1000} s)`, {
        projection: name,
        event: event ?? undefined,
        error: message,
      });
    }
    return failure;
  }

  async status(): Promise<(ProjectionStatus & { running: boolean })[]> {
    const statuses = await projectionStatuses(
      this.store,
      this.dataSource,
      this.projections.map((p) => p.name),
    );
    return statuses.map((s) => ({ ...s, running: this.loops.has(s.name) }));
  }
}
