import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, START, type RecordedEvent } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { anEvent } from '../../../test/contract/event-store.contract.js';
import { readCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, projectionStatus, rebuildProjection } from './projection-runner.js';

/** Counts events per stream; fails on demand, to show a failed batch leaves no trace. */
function countingProjection(name: string) {
  const control = { failOn: null as string | null };
  const projection: Projection = {
    name,
    eventTypes: ['Counted'],
    async apply(e: RecordedEvent, em: EntityManager) {
      await em.query(`INSERT INTO test_counts (stream, n) VALUES ($1, 1) ON CONFLICT (stream) DO UPDATE SET n = test_counts.n + 1`, [e.streamName]);
      if (control.failOn === e.id) throw new Error('projection bug');
    },
    async reset(em: EntityManager) {
      await em.query('DELETE FROM test_counts');
    },
  };
  return { projection, control };
}

const silent = { log: () => undefined, error: () => undefined };

describe('projection runtime on Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    await ds.query('CREATE TABLE test_counts (stream text PRIMARY KEY, n int NOT NULL)');
    pool = new pg.Pool({ connectionString: db.url });
    store = new PostgresEventStore({ pool, connectionString: db.url, pollIntervalMs: 50 });
  });
  const runners: ProjectionRunner[] = [];
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

  it('catches up, goes live, and moves the checkpoint with the rows; a failing batch leaves neither and is retried', async () => {
    const { projection, control } = countingProjection('counting');
    const s = `s-${randomUUID()}`;
    await store.appendToStream(s, [anEvent('Counted'), anEvent('Other'), anEvent('Counted')], { expectedRevision: 'no_stream' });
    const runner = new ProjectionRunner(store, ds, [projection], silent);
    runners.push(runner);
    runner.start();
    await until(async () => (await counts())[s] === 2);

    const bad = anEvent('Counted');
    control.failOn = bad.id;
    const appended = await store.appendToStream(s, [bad], { expectedRevision: 2n });
    await until(async () => (await runner.status())[0].lastError === 'projection bug');
    expect((await counts())[s]).toBe(2); // the failed batch's row write rolled back
    expect((await readCheckpoint(ds, 'counting')).position).not.toBe(appended.position);

    control.failOn = null; // the bug is fixed: the runner retries from its checkpoint
    await until(async () => (await readCheckpoint(ds, 'counting')).position === appended.position);
    expect((await counts())[s]).toBe(3); // applied exactly once
    const [status] = await runner.status();
    expect(status).toMatchObject({ eventsBehind: 0, lastError: null });
  });

  it('reports lag while stopped, and a rebuild from zero gives the same rows', async () => {
    const { projection } = countingProjection('counting');
    const s = `s-${randomUUID()}`;
    await store.appendToStream(s, [anEvent('Counted'), anEvent('Counted')], { expectedRevision: 'no_stream' });
    const behind = await projectionStatus(store, ds, 'counting', false, null);
    expect(behind.eventsBehind).toBe(2);
    expect(behind.secondsBehind).toBeGreaterThanOrEqual(0);

    const before = await counts();
    await ds.query(`UPDATE test_counts SET n = 999`); // a damaged read model
    const progress: number[] = [];
    const result = await rebuildProjection(store, ds, projection, (n) => progress.push(n));
    expect(result.events).toBe(progress.at(-1));
    expect(await counts()).toEqual({ ...before, [s]: 2 });
    expect((await readCheckpoint(ds, 'counting')).position).toBe(result.position);
    expect((await projectionStatus(store, ds, 'counting', false, null)).eventsBehind).toBe(0);
    expect(result.position).not.toBe(START);
  });
});
