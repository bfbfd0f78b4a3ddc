import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workers and employers, searched by Chinese name (trigram) and by ID number or credit code. */
export class Parties1764000000200 implements MigrationInterface {
  name = 'Parties1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        id_number text NOT NULL,
        phone text,
        employer_id uuid,
        notes text,
        revision bigint NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX workers_name_trgm ON workers USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX workers_id_number ON workers (id_number)`);
    await q.query(`CREATE INDEX workers_employer ON workers (employer_id)`);
    await q.query(`
      CREATE TABLE employers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        credit_code text,
        address text,
        contact text,
        revision bigint NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX employers_name_trgm ON employers USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX employers_credit_code ON employers (credit_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employers, workers`);
  }
}
