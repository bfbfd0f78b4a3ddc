import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The aid fund's read models: funds, income entries, disbursements, programmes and their timeline. */
export class AidFunds1764000000660 implements MigrationInterface {
  name = 'AidFunds1764000000660';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aid_funds (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        income_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        committed_fen bigint NOT NULL,
        revision bigint NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE aid_fund_income (
        entry_id text PRIMARY KEY,
        fund_id text NOT NULL,
        source text NOT NULL,
        amount_fen bigint NOT NULL,
        received_on date NOT NULL,
        reference text,
        donor_name text,
        receipt_number text,
        corrects_entry_id text,
        reason text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_fund_income_fund_day ON aid_fund_income (fund_id, received_on)`);
    await q.query(`CREATE INDEX aid_fund_income_day ON aid_fund_income (received_on)`);
    await q.query(`
      CREATE TABLE aid_disbursements (
        id text PRIMARY KEY,
        fund_id text NOT NULL,
        programme_id text NOT NULL,
        programme_kind text NOT NULL,
        programme_name text NOT NULL,
        beneficiary_kind text NOT NULL,
        beneficiary_id text NOT NULL,
        beneficiary_name text NOT NULL,
        amount_fen bigint NOT NULL,
        year int NOT NULL,
        status text NOT NULL,
        requested_by text NOT NULL,
        requested_on date NOT NULL,
        approved_by text,
        approved_on date,
        paid_on date,
        detail jsonb NOT NULL,
        version int NOT NULL,
        fund_revision bigint NOT NULL,
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_disbursements_status ON aid_disbursements (status, requested_at)`);
    await q.query(`CREATE INDEX aid_disbursements_fund ON aid_disbursements (fund_id, programme_id)`);
    await q.query(`CREATE INDEX aid_disbursements_paid_on ON aid_disbursements (paid_on)`);
    await q.query(`CREATE INDEX aid_disbursements_approved_on ON aid_disbursements (approved_on)`);
    await q.query(`
      CREATE TABLE aid_programmes (
        id text PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        fund_id text NOT NULL,
        season_from text,
        season_to text,
        cap_fen bigint NOT NULL,
        active boolean NOT NULL,
        revision bigint NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE aid_timeline (
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        fund_id text,
        programme_id text,
        disbursement_id text,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor_staff_id text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        position text NOT NULL,
        PRIMARY KEY (stream_name, revision)
      )`);
    await q.query(`CREATE INDEX aid_timeline_disbursement ON aid_timeline (disbursement_id) WHERE disbursement_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['aid_timeline', 'aid_programmes', 'aid_disbursements', 'aid_fund_income', 'aid_funds']) await q.query(`DROP TABLE ${table}`);
  }
}
