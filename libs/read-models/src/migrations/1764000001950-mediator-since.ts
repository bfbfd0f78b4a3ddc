import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day each staff member became a mediator (a cadre), so the duties board asks nothing of
 * them for the months before. The `staff` projection starts again from the first event (its
 * rows and checkpoint forgotten) to fill it in; the roster is small, so that takes a moment.
 */
export class MediatorSince1764000001950 implements MigrationInterface {
  name = 'MediatorSince1764000001950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_members ADD COLUMN mediator_since date`);
    await q.query(`DELETE FROM staff_members`);
    await q.query(`DELETE FROM projection_checkpoints WHERE name = 'staff'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_members DROP COLUMN mediator_since`);
  }
}
