import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit's own tables. audit_leaves keeps, for every event a signed checkpoint covers, the
 * hash it had when anchored (and where it was), so verification names the first event that
 * differs, a deleted one included; audit_heads keeps each stream's anchored head (the digest
 * every checkpoint signs); audit_checkpoints the signed statements with the tree's frontier
 * (O(log n) hashes) to continue from; audit_reads who looked at whose personal data.
 */
export class AuditAnchors1764000001300 implements MigrationInterface {
  name = 'AuditAnchors1764000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE audit_leaves (
  leaf_index      bigint PRIMARY KEY,
  tx_id           xid8 NOT NULL,
  seq             bigint NOT NULL,
  event_id        uuid NOT NULL UNIQUE,
  stream_name     text NOT NULL,
  stream_revision bigint NOT NULL,
  hash            text NOT NULL
);
CREATE INDEX audit_leaves_stream ON audit_leaves (stream_name, stream_revision);
CREATE TABLE audit_heads (
  stream_name     text PRIMARY KEY,
  stream_revision bigint NOT NULL,
  event_id        uuid NOT NULL,
  hash            text NOT NULL
);
CREATE TABLE audit_checkpoints (
  id            uuid PRIMARY KEY,
  size          bigint NOT NULL,
  position      text NOT NULL,
  root_hash     text NOT NULL,
  heads_digest  text NOT NULL,
  signed_at     timestamptz NOT NULL,
  body          jsonb NOT NULL,
  signature     text NOT NULL,
  key_id        text NOT NULL,
  public_key    text NOT NULL,
  frontier      jsonb NOT NULL,
  requested_by  text NOT NULL
);
CREATE INDEX audit_checkpoints_size ON audit_checkpoints (size, signed_at);
CREATE TABLE audit_reads (
  id             bigserial PRIMARY KEY,
  read_at        timestamptz NOT NULL,
  staff_id       text NOT NULL,
  role           text NOT NULL,
  subject_kind   text NOT NULL,
  subject_id     text NOT NULL,
  full_numbers   boolean NOT NULL,
  correlation_id text
);
CREATE INDEX audit_reads_subject ON audit_reads (subject_kind, subject_id, read_at);
CREATE INDEX audit_reads_staff ON audit_reads (staff_id, read_at);
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_reads; DROP TABLE audit_checkpoints; DROP TABLE audit_heads; DROP TABLE audit_leaves;`);
  }
}
