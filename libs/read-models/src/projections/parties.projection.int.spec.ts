import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { EmployerEvent, WorkerEvent } from '#domain';
import { comparePositions, PostgresEventStore, type NewEvent } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { applyToReadModels, rebuildProjection } from '#projections';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { EmployerRow } from '../entities/employer-row.entity.js';
import { WorkerRow } from '../entities/worker-row.entity.js';
import { partiesProjection } from './parties.projection.js';

function recorded(e: WorkerEvent | EmployerEvent, occurredAt = '2026-03-01T02:00:00.000Z'): NewEvent {
  return {
    id: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { actor: { staffId: 'staff-li', role: 'mediator' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt, schemaVersion: 1 },
  };
}

describe('parties projection on Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('parties');
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    pool = new pg.Pool({ connectionString: db.url });
    pool.on('error', () => undefined); // the database drop may end a connection pool.end() is still closing
    store = new PostgresEventStore({ pool, connectionString: db.url });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.drop();
  });

  const workerId = randomUUID();
  const employerId = randomUUID();
  const notes = '夜班工人；联系请在下午。「引号」🙂\n第二行'.repeat(500);

  it('projects workers and employers with Chinese text unchanged, and the latest contact', async () => {
    await store.appendToStream(`employer-${employerId}`, [recorded({ type: 'EmployerRegistered', data: { employerId, name: '仁和镇宏达建材有限公司', creditCode: '91110113MA01ABCD2Q', address: '北京市顺义区仁和镇' } })], { expectedRevision: 'no_stream' });
    await store.appendToStream(
      `worker-${workerId}`,
      [
        recorded({ type: 'WorkerRegistered', data: { workerId, name: '张秀英', idNumber: '11010519491231002X', phone: '13800138000', employerId, notes } }),
        recorded({ type: 'WorkerContactUpdated', data: { workerId, phone: '13900139000' } }, '2026-03-02T02:00:00.000Z'),
        recorded({ type: 'WorkerContactUpdated', data: { workerId, phone: null } }, '2026-03-03T02:00:00.000Z'),
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.appendToStream(`other-${randomUUID()}`, [{ ...recorded({ type: 'WorkerContactUpdated', data: { workerId, phone: 'x' } }), type: 'SomethingElse' }], { expectedRevision: 'no_stream' });

    // Readers see the events once no older transaction runs anywhere on the server (the xmin guard).
    const last = (await store.readStream(`worker-${workerId}`)).at(-1)!;
    for (let tries = 0; comparePositions(await store.headPosition(), last.position) < 0 && tries < 500; tries++) await new Promise((r) => setTimeout(r, 20));
    const result = await rebuildProjection(store, ds, partiesProjection);
    expect(result.events).toBe(5);

    const worker = await ds.getRepository(WorkerRow).findOneByOrFail({ id: workerId });
    expect(worker).toMatchObject({ name: '张秀英', idNumber: '11010519491231002X', phone: null, employerId, revision: '2' });
    expect(worker.notes).toBe(notes);
    expect(worker.registeredAt.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(worker.updatedAt.toISOString()).toBe('2026-03-03T02:00:00.000Z');
    const employer = await ds.getRepository(EmployerRow).findOneByOrFail({ id: employerId });
    expect(employer).toMatchObject({ name: '仁和镇宏达建材有限公司', creditCode: '91110113MA01ABCD2Q', address: '北京市顺义区仁和镇', contact: null, revision: '0' });
  });

  it('changes nothing when an event is applied again, or an older one arrives late', async () => {
    const history = await store.readStream(`worker-${workerId}`);
    const before = await ds.getRepository(WorkerRow).findOneByOrFail({ id: workerId });
    await ds.transaction(async (em) => {
      for (const e of [history[0], history[1], history[2]]) await applyToReadModels(em, partiesProjection, [e]);
    });
    expect(await ds.getRepository(WorkerRow).findOneByOrFail({ id: workerId })).toEqual(before);
  });

  it('rebuilds to the same rows, and the trigram index serves a Chinese name search', async () => {
    const before = await ds.getRepository(WorkerRow).find();
    await ds.query(`UPDATE workers SET name = '损坏'`);
    await rebuildProjection(store, ds, partiesProjection);
    expect(await ds.getRepository(WorkerRow).find()).toEqual(before);

    const found = await ds.query(`SELECT id FROM workers WHERE name ILIKE $1`, ['%秀英%']);
    expect(found).toEqual([{ id: workerId }]);
    // A handful of rows would be scanned anyway: forbid that, to see that the index can serve the search.
    const plan: { 'QUERY PLAN': string }[] = await ds.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      return em.query(`EXPLAIN SELECT id FROM workers WHERE name ILIKE '%张秀英%'`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/workers_name_trgm/);
  });
});
