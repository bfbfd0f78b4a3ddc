import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_SCHEMA_SQL } from '../event-store-schema.js';

/**
 * The event log's table: the first migration of every database. Until the split by owner it
 * also made the read models', checkpoints' and idempotency tables; those now come from their
 * own libraries' migrations (1764000000010..30), which skip what this one made in a database
 * migrated before the split. The name stays, so existing databases see it as applied.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE es_events`);
  }
}
