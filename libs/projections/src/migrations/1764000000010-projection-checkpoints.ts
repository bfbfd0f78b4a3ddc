import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far each projection has read the log. Made by the first Foundation migration in
 * databases migrated before the split by owner: then there is nothing to do here.
 */
export class ProjectionCheckpoints1764000000010 implements MigrationInterface {
  name = 'ProjectionCheckpoints1764000000010';

  async up(q: QueryRunner): Promise<void> {
    if (await q.hasTable('projection_checkpoints')) return;
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}
