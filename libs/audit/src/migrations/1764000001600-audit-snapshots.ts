import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replay snapshots: a record's state folded from its events 0..stream_revision, so that an
 * as-of replay reads only the events after the latest snapshot at or before the moment asked
 * for. Never trusted blindly: each is signed with the audit key over its stream, revision,
 * last event's id and hash, and the SHA-256 of `state` (the state's JSON, deflated), and
 * the replay checks that its last event still has that hash in the chain; verification of the
 * log never reads them. Losing the table loses nothing but speed.
 */
export class AuditSnapshots1764000001600 implements MigrationInterface {
  name = 'AuditSnapshots1764000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE audit_snapshots (
  stream_name       text NOT NULL,
  stream_revision   bigint NOT NULL,
  kind              text NOT NULL,
  -- The aggregate's state shape: a snapshot of an older shape is passed over, and replaced.
  state_version     integer NOT NULL,
  tx_id             xid8 NOT NULL,
  seq               bigint NOT NULL,
  covered_until     timestamptz NOT NULL,
  body              jsonb NOT NULL,
  state             bytea NOT NULL,
  signature         text NOT NULL,
  key_id            text NOT NULL,
  PRIMARY KEY (stream_name, stream_revision)
);
-- Compressed already (the JSON, deflated): stored out of line as it is, not compressed again.
ALTER TABLE audit_snapshots ALTER COLUMN state SET STORAGE EXTERNAL;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_snapshots`);
  }
}
