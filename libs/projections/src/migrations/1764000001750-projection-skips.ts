import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events an administrator passed over for good, one row per projection and event: which event
 * (id, type, stream, revision, position), the error it failed with, why it was skipped, by
 * whom, under which correlation id and when. Kept for good: a rebuild passes over them too.
 */
export class ProjectionSkips1764000001750 implements MigrationInterface {
  name = 'ProjectionSkips1764000001750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_skips (
        projection text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        stream_name text NOT NULL,
        stream_revision bigint NOT NULL,
        event_position text NOT NULL,
        error text NOT NULL,
        reason text NOT NULL,
        skipped_by text NOT NULL,
        skipped_by_role text NOT NULL,
        correlation_id text NOT NULL,
        skipped_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_skips`);
  }
}
