import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients' Idempotency-Keys, kept durably (read and written with SQL by the command path).
 * Made by the first Foundation migration in databases migrated before the split by owner:
 * then there is nothing to do here.
 */
export class IdempotencyKeys1764000000020 implements MigrationInterface {
  name = 'IdempotencyKeys1764000000020';

  async up(q: QueryRunner): Promise<void> {
    if (await q.hasTable('idempotency_keys')) return;
    await q.query(`
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        status_code int,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
