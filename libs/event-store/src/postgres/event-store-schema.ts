/**
 * The Postgres event store's table. Applied by the TypeORM migration in libs/read-models (one
 * migration history) and directly by the contract tests. The statements that append to it are
 * in append-statements.ts.
 *
 * Ordering: readers take events by (tx_id, seq) and only from transactions older than the
 * oldest one still running (pg_snapshot_xmin), so an append that commits late can never land
 * behind a reader's checkpoint.
 *
 * Concurrency: the unique key (stream_name, stream_revision) is the expected-revision check.
 * An append reads the hash of the revision it expects to follow (committed, so immutable) and
 * inserts the next revisions; a concurrent append to the same stream that got there first
 * makes the insert fail with a unique violation (after waiting for that append to commit or
 * roll back), which the adapter turns into WrongExpectedRevision, or an idempotent replay.
 * Because an append reads its predecessor only after that one committed, its transaction id
 * is always the larger one: the global order (tx_id, seq) keeps every stream in order.
 */
export const EVENT_STORE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS es_events (
  tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq             bigserial NOT NULL,
  event_id        uuid NOT NULL,
  stream_name     text NOT NULL,
  stream_revision bigint NOT NULL,
  type            text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  -- milliseconds, so a recorded time read into JavaScript and sent back selects the same events
  recorded_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  hash            text NOT NULL,
  prev_hash       text NOT NULL,
  PRIMARY KEY (tx_id, seq),
  CONSTRAINT es_events_event_id_key UNIQUE (event_id),
  CONSTRAINT es_events_stream_revision_key UNIQUE (stream_name, stream_revision)
);

-- The first version kept stream heads in es_streams and appended through es_append(), which
-- locked the head row; the unique key above now does that job with less work per append.
DROP FUNCTION IF EXISTS es_append(text, text, uuid[], text[], jsonb[], jsonb[], text[]);
DROP TABLE IF EXISTS es_streams;
`;
