import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hardship households, model workers, students, union organisations (member counts, Workers' Home ratings) and care visits. */
export class AidPeople1764000000740 implements MigrationInterface {
  name = 'AidPeople1764000000740';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aid_households (
        id uuid PRIMARY KEY,
        worker_id uuid NOT NULL,
        worker_name text NOT NULL,
        status text NOT NULL,
        household_size int NOT NULL,
        cause text NOT NULL,
        monthly_income_per_person_fen bigint NOT NULL,
        single_mother boolean NOT NULL,
        first_opened_on date NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_households_name_trgm ON aid_households USING gin (worker_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX aid_households_worker ON aid_households (worker_id)`);
    await q.query(`
      CREATE TABLE aid_model_workers (
        id uuid PRIMARY KEY,
        worker_id uuid NOT NULL,
        worker_name text NOT NULL,
        title text NOT NULL,
        level text NOT NULL,
        year_awarded int NOT NULL,
        removed_on date,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE aid_students (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL,
        name text NOT NULL,
        school text NOT NULL,
        grade text NOT NULL,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_students_household ON aid_students (household_id)`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        enterprise_name text NOT NULL,
        employer_id uuid,
        founded_on date NOT NULL,
        dissolved_on date,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX organisations_name_trgm ON organisations USING gin (name gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE organisation_member_counts (
        key text PRIMARY KEY,
        organisation_id uuid NOT NULL,
        counted_on date NOT NULL,
        members int NOT NULL,
        revision bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX organisation_member_counts_by_day ON organisation_member_counts (organisation_id, counted_on DESC)`);
    await q.query(`
      CREATE TABLE workers_home_ratings (
        key text PRIMARY KEY,
        organisation_id uuid NOT NULL,
        year int NOT NULL,
        level text NOT NULL
      )`);
    await q.query(`CREATE INDEX workers_home_ratings_year ON workers_home_ratings (year)`);
    await q.query(`
      CREATE TABLE aid_care_visits (
        id uuid PRIMARY KEY,
        visitee_kind text NOT NULL,
        visitee_id uuid NOT NULL,
        visitee_name text NOT NULL,
        visited_on date NOT NULL,
        programme_id text,
        visitors text[] NOT NULL,
        goods text,
        money_fen bigint,
        disbursement_id text,
        note text,
        withdrawn boolean NOT NULL,
        recorded_by text NOT NULL,
        revision bigint NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_care_visits_day ON aid_care_visits (visited_on, visitee_kind)`);
    await q.query(`CREATE INDEX aid_care_visits_visitee ON aid_care_visits (visitee_id)`);
    await q.query(`
      CREATE TABLE aid_people_timeline (
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor_staff_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        position text NOT NULL,
        PRIMARY KEY (stream_name, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE aid_people_timeline, aid_care_visits, workers_home_ratings, organisation_member_counts, organisations, aid_students, aid_model_workers, aid_households`);
  }
}
