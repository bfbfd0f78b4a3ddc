import pg from 'pg';
import { installPostgresEventStore, PostgresEventStore } from '#event-store';
import { createTestDatabase } from '../support/test-database.js';
import { anEvent, describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('postgres', async () => {
  const db = await createTestDatabase('es_contract');
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  pool.on('error', () => undefined); // the database drop may end a connection pool.end() is still closing
  await installPostgresEventStore(pool);
  const store = new PostgresEventStore({ pool, connectionString: db.url });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
});

describe('postgres event store: subscribers at the same position', () => {
  it('share one read of the log: seven projectors woken by one append send one query, and each gets every event', async () => {
    const db = await createTestDatabase('es_shared_read');
    let reads = 0;
    // Every statement of the pool's connections goes through here.
    class CountingClient extends pg.Client {
      override query(...args: unknown[]): never {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
        if (text?.includes('FROM es_events') && text.includes('ORDER BY tx_id, seq LIMIT')) reads += 1;
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    const pool = new pg.Pool({ connectionString: db.url, max: 10, Client: CountingClient });
    pool.on('error', () => undefined);
    await installPostgresEventStore(pool);
    const store = new PostgresEventStore({ pool, connectionString: db.url, pollIntervalMs: 60_000 });
    const controller = new AbortController();
    try {
      const head = await store.headPosition();
      const subscribers = Array.from({ length: 7 }, async () => {
        const got: string[] = [];
        for await (const e of store.subscribeToAll({ fromPosition: head, signal: controller.signal })) {
          got.push(e.id);
          if (got.length === 3) break;
        }
        return got;
      });
      await new Promise((r) => setTimeout(r, 200)); // all seven have read once and wait for a wake-up
      const firstReads = reads;
      const events = [anEvent(), anEvent(), anEvent()];
      await store.appendToStream('shared-read-1', events, { expectedRevision: 'no_stream' });
      const got = await Promise.all(subscribers);
      for (const g of got) expect(g).toEqual(events.map((e) => e.id));
      expect(firstReads).toBe(1);
      // One read after the wake-up; a few more only if another test's open transaction on a
      // shared server held the new events back a moment (the guard), each shared all the same.
      expect(reads - firstReads).toBeGreaterThanOrEqual(1);
      expect(reads - firstReads).toBeLessThan(7);
    } finally {
      controller.abort();
      await store.close();
      await pool.end();
      await db.drop();
    }
  });
});

describe('postgres event store: connections', () => {
  it('keeps its pooled connection when an append loses a race or is refused: only a broken connection is closed', async () => {
    const db = await createTestDatabase('es_keep_conn');
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pool.on('error', () => undefined);
    let opened = 0;
    let closed = 0;
    pool.on('connect', () => (opened += 1));
    pool.on('remove', () => (closed += 1));
    await installPostgresEventStore(pool);
    const store = new PostgresEventStore({ pool });
    try {
      await store.appendToStream('keep-1', [anEvent()], { expectedRevision: 'no_stream' });
      const before = { closed };
      // Sixteen appends after revision 0 at once: one wins, the others hit the unique key (an
      // error the server answers with) and are refused; the same event id again is a conflict.
      const racing = await Promise.allSettled(Array.from({ length: 16 }, () => store.appendToStream('keep-1', [anEvent()], { expectedRevision: 0n })));
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(racing.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.name)).toEqual(Array(15).fill('WrongExpectedRevision'));
      const taken = anEvent();
      await store.appendToStream('keep-2', [taken], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream('keep-3', [taken], { expectedRevision: 'no_stream' })).rejects.toThrow();
      expect(closed).toBe(before.closed);
      // At most the pool's two connections were ever opened: none was replaced.
      expect(opened).toBeLessThanOrEqual(2);
    } finally {
      await store.close();
      await pool.end();
      await db.drop();
    }
  });
});
