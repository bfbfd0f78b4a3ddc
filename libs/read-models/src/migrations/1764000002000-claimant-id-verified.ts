import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a claimant's link to a registered worker was verified (the case's mediator then sees
 * the worker's full numbers): the flag of the claimant's event, never the number itself. Every
 * claimant recorded before the rule was not verified, which is what the default says, so the
 * projection need not start again.
 */
export class ClaimantIdVerified1764000002000 implements MigrationInterface {
  name = 'ClaimantIdVerified1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispute_claimants ADD COLUMN id_verified boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispute_claimants DROP COLUMN id_verified`);
  }
}
