import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The period report's facts (projection `report-facts`): one row per fact with the log positions
 * of the events that recorded and withdrew it, so the report can be read as of any position. A
 * position is kept twice: as text (`tx:seq`, as clients see it) and as one number that sorts like
 * positions do (tx · 10^20 + seq). The projection is new, so it fills itself from the whole log
 * when the worker starts.
 */
export class ReportFacts1764000001500 implements MigrationInterface {
  name = 'ReportFacts1764000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_facts (
        fact_id text PRIMARY KEY,
        kind text NOT NULL,
        subject_id text NOT NULL,
        category text,
        person_key text,
        -- the ISO day the event carries, as text (days sort as text): a day put into the log by hand past
        -- every command check ('2026-02-30') is counted as written instead of stalling the report
        day text,
        year int,
        amount_fen bigint,
        quantity int,
        recorded_pos numeric(40, 0),
        recorded_position text,
        recorded_event_id uuid,
        recorded_event_type text,
        recorded_at timestamptz,
        stream_name text NOT NULL,
        stream_revision bigint NOT NULL,
        withdrawn_pos numeric(40, 0),
        withdrawn_position text,
        withdrawn_event_id uuid,
        withdrawn_event_type text,
        withdrawn_at timestamptz
      )`);
    await q.query(`CREATE INDEX report_facts_kind_day ON report_facts (kind, day)`);
    await q.query(`CREATE INDEX report_facts_kind_subject ON report_facts (kind, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_facts`);
    await q.query(`DELETE FROM projection_checkpoints WHERE name = 'report-facts'`);
  }
}
