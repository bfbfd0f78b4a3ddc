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
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    pool.on('error', () => undefined);
    await installPostgresEventStore(pool);
    const store = new PostgresEventStore({ pool, connectionString: db.url, pollIntervalMs: 60_000 });
    const controller = new AbortController();
    try {
      const head = await store.headPosition();
      let reads = 0;
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
      pool.query = ((...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
        if (text?.includes('FROM es_events') && text.includes('ORDER BY tx_id, seq LIMIT')) reads += 1;
        return query(...args);
      }) as never;
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
