import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who holds an Idempotency-Key: only that request may store its answer or release it. */
export class IdempotencyClaims1764000000300 implements MigrationInterface {
  name = 'IdempotencyClaims1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN claim uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN claim`);
  }
}
