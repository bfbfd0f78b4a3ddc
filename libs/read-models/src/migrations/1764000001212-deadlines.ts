import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deadlines' read models: each case's clock, and what each cadre did toward their duties. */
export class Deadlines1764000001212 implements MigrationInterface {
  name = 'Deadlines1764000001212';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_deadlines (
        case_id text PRIMARY KEY,
        title text NOT NULL,
        mediator_id text,
        open boolean NOT NULL,
        facts jsonb NOT NULL,
        notices jsonb NOT NULL,
        causes jsonb NOT NULL,
        revision bigint NOT NULL,
        scheduled_revision bigint,
        scheduled_policy int
      )`);
    await q.query(`CREATE INDEX case_deadlines_open_mediator ON case_deadlines (mediator_id) WHERE open`);
    await q.query(`
      CREATE TABLE cadre_activities (
        id text PRIMARY KEY,
        cadre_id text NOT NULL,
        kind text NOT NULL,
        day text NOT NULL,
        case_id text,
        title text NOT NULL
      )`);
    await q.query(`CREATE INDEX cadre_activities_cadre_day ON cadre_activities (cadre_id, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cadre_activities`);
    await q.query(`DROP TABLE case_deadlines`);
  }
}
