import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { comparePositions, PostgresEventStore, START, type RecordedEvent } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { anEvent } from '../../../test/contract/event-store.contract.js';
import { ProjectionEventError } from './apply.js';
import { advanceCheckpoint, readCheckpoint } from './checkpoints.js';
import { readFailure } from './failures.js';
import { defineProjection, type RowChange } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuildProjection } from './rebuild.js';
import { readSkips, skipProjectionEvent, SkipRefused, type SkipRequest } from './skips.js';
import { projectionStatus } from './status.js';

type CountEvent = { type: 'Counted'; data: { value?: unknown } } | { type: 'Other'; data: unknown };
interface CountRow {
  stream: string;
  n: number;
  value: unknown;
}

/**
 * Counts events per stream and keeps the last `value` in an int column: an event whose value
 * is no number is one PostgreSQL refuses when the batch is written (as a date it refuses was
 * for the case list). `control.failOn` makes evolve itself throw on one event.
 */
function countingProjection(name: string) {
  const control = { failOn: null as string | null };
  const projection = defineProjection<CountEvent>({
    name,
    handles: { Counted: true, Other: false },
    readModels: [
      {
        table: 'test_counts',
        rowKey: (e) => e.streamName,
        evolve: (row: CountRow | null, e) => {
          if (control.failOn === e.id) throw new Error('projection bug');
          return { stream: e.streamName, n: (row?.n ?? 0) + 1, value: e.type === 'Counted' ? (e.data.value ?? 0) : 0 };
        },
        storage: {
          async load(em: EntityManager, keys: readonly string[]) {
            const rows: CountRow[] = await em.query('SELECT stream, n, value FROM test_counts WHERE stream = ANY($1)', [keys]);
            return new Map(rows.map((r) => [r.stream, r]));
          },
          async save(em: EntityManager, changes: readonly RowChange<CountRow>[]) {
            // One statement for the whole batch: a refused value fails it without saying which event.
            const rows = changes.map((c) => c.after!);
            const values = rows.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
            await em.query(
              `INSERT INTO test_counts (stream, n, value) VALUES ${values} ON CONFLICT (stream) DO UPDATE SET n = excluded.n, value = excluded.value`,
              rows.flatMap((r) => [r.stream, r.n, String(r.value)]),
            );
          },
          async reset(em: EntityManager) {
            await em.query('DELETE FROM test_counts');
          },
        },
      },
    ],
  });
  return { projection, control };
}

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    log: (message: string) => void lines.push({ level: 'log', message }),
    warn: (message: string) => void lines.push({ level: 'warn', message }),
    error: (message: string) => void lines.push({ level: 'error', message }),
  };
}

describe('projection runtime on Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    pool = new pg.Pool({ connectionString: db.url });
    pool.on('error', () => undefined); // the database drop may end a connection pool.end() is still closing
    store = new PostgresEventStore({ pool, connectionString: db.url, pollIntervalMs: 50 });
  });
  const runners: ProjectionRunner[] = [];
  beforeEach(async () => {
    await ds.query('DROP TABLE IF EXISTS test_counts');
    await ds.query('CREATE TABLE test_counts (stream text PRIMARY KEY, n int NOT NULL, value int NOT NULL)');
    await ds.query('DELETE FROM es_events');
    await ds.query('DELETE FROM projection_checkpoints');
    await ds.query('DELETE FROM projection_failures');
    await ds.query('DELETE FROM projection_skips');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.drop();
  });

  const counts = async () => Object.fromEntries((await ds.query('SELECT stream, n FROM test_counts')).map((r: { stream: string; n: number }) => [r.stream, r.n]));
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /**
   * Appends and waits until readers may see it: the xmin guard is cluster-wide, so a long
   * transaction of another test file on the same server holds every reader back a moment.
   */
  const append = async (stream: string, events: ReturnType<typeof anEvent>[]) => {
    const result = await store.appendToStream(stream, events, { expectedRevision: 'any' });
    await until(async () => comparePositions(await store.headPosition(), result.position) >= 0);
    return result;
  };
  const lastOf = async (stream: string): Promise<RecordedEvent> => (await store.readStream(stream)).at(-1)!;

  it('catches up, goes live, and moves the checkpoint with the rows; a failing batch leaves neither and is retried', async () => {
    const { projection, control } = countingProjection('counting');
    const s = `s-${randomUUID()}`;
    await append(s, [anEvent('Counted'), anEvent('Other'), anEvent('Counted')]);
    const runner = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 20, maxMs: 100 } });
    runners.push(runner);
    runner.start();
    await until(async () => (await counts())[s] === 2);

    const bad = anEvent('Counted');
    control.failOn = bad.id;
    const appended = await append(s, [bad]);
    await until(async () => (await runner.status())[0].lastError === 'projection bug');
    expect((await counts())[s]).toBe(2); // the failed batch's row write rolled back
    expect((await readCheckpoint(ds, 'counting')).position).not.toBe(appended.position);

    control.failOn = null; // the bug is fixed: the runner retries from its checkpoint
    await until(async () => (await readCheckpoint(ds, 'counting')).position === appended.position);
    expect((await counts())[s]).toBe(3); // applied exactly once
    await until(async () => (await runner.status())[0].failure === null);
    const [status] = await runner.status();
    expect(status).toMatchObject({ eventsBehind: 0, lastError: null, failure: null, running: true });
  });

  it('moves past events it does not handle with no transaction of its own, never backwards, and applies what follows once', async () => {
    const { projection } = countingProjection('counting');
    const s = `s-${randomUUID()}`;
    const first = await append(s, [anEvent('Counted')]);
    const runner = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 20, maxMs: 100 } });
    runners.push(runner);
    let transactions = 0;
    const original = ds.transaction;
    const transaction = original.bind(ds) as (run: (em: EntityManager) => Promise<unknown>) => Promise<unknown>;
    ds.transaction = ((run: (em: EntityManager) => Promise<unknown>) => {
      transactions += 1;
      return transaction(run);
    }) as never;
    try {
      runner.start();
      await until(async () => (await readCheckpoint(ds, 'counting')).position === first.position);
      const before = transactions;
      let last = first;
      for (let i = 0; i < 5; i++) last = await append(`o-${randomUUID()}`, [anEvent('Other'), anEvent('Other')]);
      await until(async () => (await readCheckpoint(ds, 'counting')).position === last.position);
      expect(transactions).toBe(before); // five batches the projection does not handle: no transaction
      expect((await counts())[s]).toBe(1);

      expect(await advanceCheckpoint(ds, 'counting', first.position)).toBe(false); // never backwards
      expect((await readCheckpoint(ds, 'counting')).position).toBe(last.position);

      const next = await append(s, [anEvent('Counted')]);
      await until(async () => (await readCheckpoint(ds, 'counting')).position === next.position);
      expect((await counts())[s]).toBe(2);
      expect(transactions).toBe(before + 1);
    } finally {
      ds.transaction = original;
    }
  });

  it('moves the checkpoint of a projection that has handled nothing yet (it has no row until then), so a read waiting on it is not held back', async () => {
    const { projection } = countingProjection('counting');
    const runner = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 20, maxMs: 100 } });
    runners.push(runner);
    runner.start();
    const last = await append(`o-${randomUUID()}`, [anEvent('Other')]);
    await until(async () => (await readCheckpoint(ds, 'counting')).position === last.position);
    expect(await counts()).toEqual({});
  });

  it('narrows a batch the database refuses to the event, reports it where any process reads it, logs it once, backs off, and recovers after a fix', async () => {
    const { projection } = countingProjection('narrowing');
    const a = `a-${randomUUID()}`;
    const b = `b-${randomUUID()}`;
    const c = `c-${randomUUID()}`;
    await append(a, [anEvent('Counted', { value: 1 }), anEvent('Counted', { value: 2 }), anEvent('Counted', { value: 3 })]);
    const poison = anEvent('Counted', { value: 'not a number' });
    await append(b, [poison]);
    await append(c, [anEvent('Counted', { value: 4 }), anEvent('Counted', { value: 5 })]);
    const poisoned = await lastOf(b);
    const logger = recordingLogger();
    const runner = new ProjectionRunner(store, ds, [projection], logger, { retry: { initialMs: 20, maxMs: 100 } });
    runners.push(runner);
    runner.start(); // catch-up: all six events arrive in one batch

    // Another process (the API started apart) sees it through the database.
    const other = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      await until(async () => ((await readFailure(other, 'narrowing'))?.attempts ?? 0) >= 3);
      const status = await projectionStatus(store, other, 'narrowing');
      expect(status.failure).toMatchObject({
        projection: 'narrowing',
        event: { id: poison.id, type: 'Counted', streamName: b, streamRevision: '0', position: poisoned.position },
        error: expect.stringContaining('invalid input syntax for type integer'),
        reportedBy: expect.stringMatching(/:\d+$/),
      });
      expect(status.lastError).toBe(status.failure!.error);
      expect(Date.parse(status.failure!.nextAttemptAt)).toBeGreaterThanOrEqual(Date.parse(status.failure!.lastAttemptAt));
      expect(status.eventsBehind).toBe(3); // the poison and the two after it
    } finally {
      await other.destroy();
    }
    // The events before the poison were applied one by one and committed: only it holds the rest back.
    expect(await counts()).toEqual({ [a]: 3 });
    expect((await readCheckpoint(ds, 'narrowing')).position).toBe((await lastOf(a)).position);
    // Logged once for the failure, not once per retry.
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(`stuck at event ${poison.id} (Counted, stream ${b} revision 0, position ${poisoned.position})`);

    await ds.query('ALTER TABLE test_counts ALTER COLUMN value TYPE text'); // the fix: the value fits now
    await until(async () => (await counts())[c] === 2);
    await until(async () => (await readFailure(ds, 'narrowing')) === null);
    expect(await counts()).toEqual({ [a]: 3, [b]: 1, [c]: 2 });
    expect(logger.lines.filter((l) => l.level === 'log').map((l) => l.message)).toEqual([expect.stringMatching(/^projection narrowing recovered after \d+ failed attempts$/)]);
  });

  it('stops at once while it waits out a long backoff', async () => {
    const { projection, control } = countingProjection('patient');
    const bad = anEvent('Counted');
    control.failOn = bad.id;
    await append(`s-${randomUUID()}`, [bad]);
    const runner = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 60_000, maxMs: 60_000 } });
    runner.start();
    await until(async () => (await readFailure(ds, 'patient')) !== null);
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('clears a failure left on record by an earlier run once its event is applied', async () => {
    const { projection } = countingProjection('restarted');
    const s = `s-${randomUUID()}`;
    await append(s, [anEvent('Counted', { value: 'x' })]);
    const first = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 20, maxMs: 50 } });
    first.start();
    await until(async () => (await readFailure(ds, 'restarted')) !== null);
    await first.stop(); // the process goes; its report stays
    expect(await readFailure(ds, 'restarted')).not.toBeNull();

    await ds.query('ALTER TABLE test_counts ALTER COLUMN value TYPE text'); // a fix deployed
    const second = new ProjectionRunner(store, ds, [projection], recordingLogger());
    runners.push(second);
    second.start();
    await until(async () => (await readFailure(ds, 'restarted')) === null);
    expect((await counts())[s]).toBe(1);
  });

  it('reports lag while stopped, and a rebuild from zero gives the same rows', async () => {
    const { projection } = countingProjection('counting');
    const s = `s-${randomUUID()}`;
    await append(s, [anEvent('Counted'), anEvent('Counted')]);
    const behind = await projectionStatus(store, ds, 'counting');
    expect(behind.eventsBehind).toBe(2);
    expect(behind.secondsBehind).toBeGreaterThanOrEqual(0);

    const progress: number[] = [];
    const result = await rebuildProjection(store, ds, projection, (n) => progress.push(n));
    const before = await counts();
    await ds.query(`UPDATE test_counts SET n = 999`); // a damaged read model
    const again = await rebuildProjection(store, ds, projection, (n) => progress.push(n));
    expect(again.events).toBe(progress.at(-1));
    expect(await counts()).toEqual({ ...before, [s]: 2 });
    expect((await readCheckpoint(ds, 'counting')).position).toBe(result.position);
    expect((await projectionStatus(store, ds, 'counting')).eventsBehind).toBe(0);
    expect(result.position).not.toBe(START);
  });

  it('a rebuild that meets an event it cannot apply names it and changes nothing', async () => {
    const { projection } = countingProjection('rebuilt');
    const s = `s-${randomUUID()}`;
    await append(s, [anEvent('Counted', { value: 1 })]);
    await rebuildProjection(store, ds, projection);
    const before = await counts();
    const checkpoint = await readCheckpoint(ds, 'rebuilt');
    const poison = anEvent('Counted', { value: 'not a number' });
    await append(`p-${randomUUID()}`, [anEvent('Counted', { value: 2 }), poison]);
    await append(`q-${randomUUID()}`, [anEvent('Counted', { value: 3 })]);

    const failure = await rebuildProjection(store, ds, projection).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ProjectionEventError);
    expect((failure as ProjectionEventError).event).toMatchObject({ id: poison.id, type: 'Counted', streamRevision: '1' });
    expect((failure as ProjectionEventError).message).toMatch(/invalid input syntax for type integer/);
    expect(await counts()).toEqual(before);
    expect(await readCheckpoint(ds, 'rebuilt')).toEqual(checkpoint);
  });

  describe('skipping the event a projection is stuck on', () => {
    const admin = { staffId: randomUUID(), role: 'administrator' };
    const request = (projection: string, eventId: string, reason = 'written by hand, cannot apply'): SkipRequest => ({ projection, eventId, reason, by: admin, correlationId: randomUUID() });
    /** a, then the poison in b, then c: the runner stops at the poison after applying a. */
    const poisoned = async (name: string, retry: { initialMs: number; maxMs: number }) => {
      const { projection } = countingProjection(name);
      const [a, b, c] = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
      await append(a, [anEvent('Counted', { value: 1 })]);
      const poison = anEvent('Counted', { value: 'not a number' });
      await append(b, [poison]);
      await append(c, [anEvent('Counted', { value: 2 })]);
      const logger = recordingLogger();
      const runner = new ProjectionRunner(store, ds, [projection], logger, { retry });
      runners.push(runner);
      runner.start();
      await until(async () => (await readFailure(ds, name))?.event?.id === poison.id);
      return { projection, runner, logger, poison: await lastOf(b), a, b, c };
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: unknown) => e as SkipRefused,
      );

    it('moves the checkpoint just past it with the skip recorded and the failure cleared; the running runner goes on without a restart', async () => {
      const { poison, a, c } = await poisoned('skipping', { initialMs: 20, maxMs: 100 });
      const before = (await readCheckpoint(ds, 'skipping')).position;
      expect(before).toBe((await lastOf(a)).position);
      const warnings: unknown[][] = [];
      const req = request('skipping', poison.id);
      const skip = await skipProjectionEvent(store, ds, ['skipping'], req, { warn: (...args) => void warnings.push(args) });
      expect(skip).toMatchObject({
        projection: 'skipping',
        event: { id: poison.id, type: 'Counted', streamRevision: '0', position: poison.position },
        error: expect.stringContaining('invalid input syntax for type integer'),
        reason: req.reason,
        skippedBy: admin,
        correlationId: req.correlationId,
      });
      expect(await readFailure(ds, 'skipping')).toBeNull();
      expect((await readSkips(ds, ['skipping'])).get('skipping')).toEqual([skip]);
      expect(warnings).toEqual([[expect.stringContaining(`event ${poison.id} (Counted`), { projection: 'skipping', eventId: poison.id, correlationId: req.correlationId }]]);
      expect(warnings[0][0]).not.toContain(req.reason);
      // The runner was not told: its next attempt re-reads the checkpoint.
      await until(async () => (await counts())[c] === 1);
      expect(await counts()).toEqual({ [a]: 1, [c]: 1 });
      expect((await projectionStatus(store, ds, 'skipping')).eventsBehind).toBe(0);
      expect(await readFailure(ds, 'skipping')).toBeNull();
    });

    it('refuses an event other than the one on record, a projection not stuck, one not yet right before it, and a blank reason, changing nothing', async () => {
      const { poison, runner } = await poisoned('refusing', { initialMs: 20, maxMs: 100 });
      await runner.stop(); // held still, so the checkpoint can be put back as a runner that is behind would have it
      const codes = async (req: SkipRequest) => {
        const e = await refusal(skipProjectionEvent(store, ds, ['refusing'], req, { warn: () => undefined }));
        expect(e).toBeInstanceOf(SkipRefused);
        return [e!.code, e!.status, e!.fields];
      };
      expect(await codes(request('refusing', randomUUID()))).toEqual(['NOT_THE_STUCK_EVENT', 409, ['eventId']]);
      expect(await codes(request('refusing', poison.id, ' \n '))).toEqual(['SKIP_REASON_REQUIRED', 422, ['reason']]);
      expect(await codes(request('elsewhere', poison.id))).toEqual(['PROJECTION_UNKNOWN', 422, ['projection']]);
      const checkpoint = (await readCheckpoint(ds, 'refusing')).position;
      await ds.query(`UPDATE projection_checkpoints SET position = $2 WHERE name = $1`, ['refusing', START]);
      expect(await codes(request('refusing', poison.id))).toEqual(['PROJECTION_NOT_AT_EVENT', 409, ['eventId']]);
      expect((await readCheckpoint(ds, 'refusing')).position).toBe(START);
      await ds.query(`UPDATE projection_checkpoints SET position = $2 WHERE name = $1`, ['refusing', checkpoint]);
      expect((await readFailure(ds, 'refusing'))?.event?.id).toBe(poison.id);
      expect((await readSkips(ds, ['refusing'])).get('refusing')).toEqual([]);

      await skipProjectionEvent(store, ds, ['refusing'], request('refusing', poison.id), { warn: () => undefined });
      expect(await codes(request('refusing', poison.id))).toEqual(['PROJECTION_NOT_STUCK', 409, ['eventId']]);
      expect((await readCheckpoint(ds, 'refusing')).position).toBe(poison.position);
    });

    it('clears the failure of an event taken out of the log by hand, with nothing after it, at its next attempt', async () => {
      const { projection } = countingProjection('removed');
      await append(`a-${randomUUID()}`, [anEvent('Counted', { value: 1 })]);
      const poison = anEvent('Counted', { value: 'not a number' });
      await append(`b-${randomUUID()}`, [poison]);
      const runner = new ProjectionRunner(store, ds, [projection], recordingLogger(), { retry: { initialMs: 20, maxMs: 100 } });
      runners.push(runner);
      runner.start();
      await until(async () => (await readFailure(ds, 'removed'))?.event?.id === poison.id);
      await ds.query('DELETE FROM es_events WHERE event_id = $1', [poison.id]);
      await until(async () => (await readFailure(ds, 'removed')) === null);
      expect((await projectionStatus(store, ds, 'removed')).failure).toBeNull();
    });

    it('wakes a runner in a long backoff at once when told (retryNow)', async () => {
      const { poison, runner, c } = await poisoned('sleepy', { initialMs: 60_000, maxMs: 60_000 });
      await skipProjectionEvent(store, ds, ['sleepy'], request('sleepy', poison.id), { warn: () => undefined });
      const started = Date.now();
      runner.retryNow('sleepy');
      await until(async () => (await counts())[c] === 1);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('a rebuild passes over the recorded skips, names them, and gives the rows the runner keeps', async () => {
      const { projection, poison, runner, c } = await poisoned('rebuilding', { initialMs: 20, maxMs: 100 });
      await skipProjectionEvent(store, ds, ['rebuilding'], request('rebuilding', poison.id), { warn: () => undefined });
      runner.retryNow('rebuilding');
      await until(async () => (await counts())[c] === 1);
      await runner.stop();
      const live = await counts();
      await ds.query(`UPDATE test_counts SET n = 999`);
      const rebuilt = await rebuildProjection(store, ds, projection);
      expect(rebuilt.skipped).toEqual([{ id: poison.id, type: 'Counted', streamName: poison.streamName, streamRevision: '0', position: poison.position }]);
      expect(await counts()).toEqual(live);
      expect(rebuilt.position).toBe((await readCheckpoint(ds, 'rebuilding')).position);
    });
  });
});
