import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadlines of instalments and of requests waiting for approval: a row per recovery and
 * one per disbursement, fed by the `deadlines` projection. That projection now also reads the
 * recovery and fund streams, so it starts again from the first event (its rows and checkpoint
 * forgotten): the rows of recoveries and disbursements recorded before are then built too. Jobs
 * already queued keep their ids (the same events name them), so nothing is scheduled twice.
 */
export class ItemDeadlines1764000001400 implements MigrationInterface {
  name = 'ItemDeadlines1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recovery_deadlines (
        case_id text PRIMARY KEY,
        facts jsonb NOT NULL,
        notices jsonb NOT NULL,
        causes jsonb NOT NULL,
        revision bigint NOT NULL,
        scheduled_revision bigint,
        scheduled_policy int
      )`);
    await q.query(`
      CREATE TABLE disbursement_deadlines (
        disbursement_id text PRIMARY KEY,
        fund_id text NOT NULL,
        open boolean NOT NULL,
        facts jsonb NOT NULL,
        notices jsonb NOT NULL,
        cause text NOT NULL,
        revision bigint NOT NULL,
        scheduled_revision bigint,
        scheduled_policy int
      )`);
    await q.query(`CREATE INDEX disbursement_deadlines_open ON disbursement_deadlines (disbursement_id) WHERE open`);
    await q.query(`DELETE FROM case_deadlines`);
    await q.query(`DELETE FROM cadre_activities`);
    await q.query(`DELETE FROM projection_checkpoints WHERE name = 'deadlines'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disbursement_deadlines`);
    await q.query(`DROP TABLE recovery_deadlines`);
  }
}
