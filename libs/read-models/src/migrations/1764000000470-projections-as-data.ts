import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projections as data: failures every process can report, a column for what the report
 * filters on (instead of the aggregate's JSON), and the staff members' names for case lists.
 */
export class ProjectionsAsData1764000000470 implements MigrationInterface {
  name = 'ProjectionsAsData1764000000470';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_failures (
        name text PRIMARY KEY,
        event_id uuid,
        event_type text,
        stream_name text,
        stream_revision bigint,
        event_position text,
        error text NOT NULL,
        failing_since timestamptz NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        attempts int NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        reported_by text NOT NULL
      )`);
    await q.query(`ALTER TABLE dispute_cases ADD COLUMN intake_decision text NOT NULL DEFAULT 'pending'`);
    // Once, for rows projected before the column existed; the projection writes it from now on.
    await q.query(`UPDATE dispute_cases SET intake_decision = coalesce(detail->'intake'->>'decision', 'pending')`);
    await q.query(`CREATE INDEX dispute_cases_received_intake ON dispute_cases (received_on, intake_decision)`);
    await q.query(`
      CREATE TABLE staff_members (
        id text PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL,
        revision bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staff_members`);
    await q.query(`DROP INDEX dispute_cases_received_intake`);
    await q.query(`ALTER TABLE dispute_cases DROP COLUMN intake_decision`);
    await q.query(`DROP TABLE projection_failures`);
  }
}
