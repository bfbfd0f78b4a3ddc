import pg from 'pg';
import { installPostgresEventStore, PostgresEventStore } from '#event-store';
import { createTestDatabase } from '../support/test-database.js';
import { describeEventStoreContract } from './event-store.contract.js';

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
