import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list, timeline and claimants read models. Made by the first Foundation migration in
 * databases migrated before the split by owner: then there is nothing to do here (later
 * migrations may have changed these tables since, so nothing is re-created piecemeal).
 */
export class DisputeReadModels1764000000030 implements MigrationInterface {
  name = 'DisputeReadModels1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    if (await q.hasTable('dispute_cases')) return;
    await q.query(`
      CREATE TABLE dispute_cases (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        category text NOT NULL,
        status text NOT NULL,
        respondent_name text NOT NULL,
        respondent_employer_id uuid,
        received_on date NOT NULL,
        claimant_names text[] NOT NULL DEFAULT '{}',
        claimant_count int NOT NULL DEFAULT 0,
        mediator_id text,
        outcome text,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search_text text NOT NULL
      )`);
    await q.query(`CREATE INDEX dispute_cases_search_trgm ON dispute_cases USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX dispute_cases_status_received ON dispute_cases (status, received_on DESC)`);
    await q.query(`CREATE INDEX dispute_cases_mediator ON dispute_cases (mediator_id, status)`);
    await q.query(`CREATE INDEX dispute_cases_employer ON dispute_cases (respondent_employer_id)`);
    await q.query(`CREATE INDEX dispute_cases_received ON dispute_cases (received_on)`);
    await q.query(`
      CREATE TABLE dispute_timeline (
        case_id uuid NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor_staff_id text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        position text NOT NULL,
        PRIMARY KEY (case_id, revision)
      )`);
    await q.query(`
      CREATE TABLE dispute_claimants (
        case_id uuid NOT NULL,
        claimant_id text NOT NULL,
        worker_id uuid,
        name text NOT NULL,
        PRIMARY KEY (case_id, claimant_id)
      )`);
    await q.query(`CREATE INDEX dispute_claimants_worker ON dispute_claimants (worker_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispute_claimants, dispute_timeline, dispute_cases`);
  }
}
