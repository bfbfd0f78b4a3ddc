import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { runMigrations } from '../database-bootstrap.js';

/** The split of the first migration by owner must leave databases migrated before it working. */
describe('migrations contributed by each library', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('builds a fresh database, and a database migrated before the split takes the new migrations without change', async () => {
    const applied = await runMigrations(db.url);
    expect(applied[0]).toBe('Foundation1764000000000');
    const tables = async () => (await pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename);
    expect(await tables()).toEqual(expect.arrayContaining(['es_events', 'projection_checkpoints', 'idempotency_keys', 'dispute_cases', 'dispute_timeline', 'dispute_claimants', 'staff_credentials', 'login_failures', 'workers', 'employers']));

    // As a database migrated by the old single Foundation migration stands: the split-off ones
    // unrecorded, the tables there, with rows, and changed since by a later migration.
    await pool.query(`DELETE FROM migrations WHERE name IN ('ProjectionCheckpoints1764000000010', 'IdempotencyKeys1764000000020', 'DisputeReadModels1764000000030')`);
    await pool.query(`INSERT INTO projection_checkpoints (name, position) VALUES ('dispute-cases', '7:3')`);
    await pool.query(`INSERT INTO idempotency_keys (key, request_hash, claim) VALUES ('k1', 'h', gen_random_uuid())`);
    await pool.query(`DROP INDEX dispute_cases_received`);
    const before = await tables();

    expect(await runMigrations(db.url)).toEqual(['ProjectionCheckpoints1764000000010', 'IdempotencyKeys1764000000020', 'DisputeReadModels1764000000030']);
    expect(await tables()).toEqual(before);
    expect((await pool.query(`SELECT position FROM projection_checkpoints`)).rows).toEqual([{ position: '7:3' }]);
    expect((await pool.query(`SELECT key FROM idempotency_keys`)).rows).toEqual([{ key: 'k1' }]);
    expect((await pool.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'dispute_cases_received'`)).rowCount).toBe(0); // nothing re-created piecemeal
    expect(await runMigrations(db.url)).toEqual([]);
  });
});
