import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The wage-recovery read models: the ledger per case, per worker, its money movements and its history. */
export class Recoveries1764000000720 implements MigrationInterface {
  name = 'Recoveries1764000000720';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recoveries (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        agreement_id text NOT NULL,
        worker_count int NOT NULL,
        owed_fen bigint NOT NULL,
        received_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        held_fen bigint NOT NULL,
        allocated_unpaid_fen bigint NOT NULL,
        outstanding_fen bigint NOT NULL,
        written_off_fen bigint NOT NULL,
        first_uncovered_due_on date,
        detail jsonb NOT NULL,
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX recoveries_overdue ON recoveries (first_uncovered_due_on) WHERE status = 'recovering'`);
    await q.query(`
      CREATE TABLE recovery_workers (
        case_id uuid NOT NULL,
        claimant_id text NOT NULL,
        worker_id uuid,
        name text NOT NULL,
        owed_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        held_fen bigint NOT NULL,
        allocated_unpaid_fen bigint NOT NULL,
        outstanding_fen bigint NOT NULL,
        written_off_fen bigint NOT NULL,
        PRIMARY KEY (case_id, claimant_id)
      )`);
    await q.query(`CREATE INDEX recovery_workers_worker ON recovery_workers (worker_id) WHERE worker_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE recovery_movements (
        case_id uuid NOT NULL,
        revision bigint NOT NULL,
        kind text NOT NULL,
        amount_fen bigint NOT NULL,
        day date NOT NULL,
        PRIMARY KEY (case_id, revision)
      )`);
    await q.query(`CREATE INDEX recovery_movements_day ON recovery_movements (day, kind)`);
    await q.query(`
      CREATE TABLE recovery_timeline (
        case_id uuid NOT NULL,
        revision bigint NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor_staff_id text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recovery_timeline`);
    await q.query(`DROP TABLE recovery_movements`);
    await q.query(`DROP TABLE recovery_workers`);
    await q.query(`DROP TABLE recoveries`);
  }
}
