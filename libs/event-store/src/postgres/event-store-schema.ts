/**
 * The Postgres event store's tables and its append function. Applied by the TypeORM migration
 * in libs/read-models (one migration history) and directly by the contract tests.
 *
 * Ordering: readers take events by (tx_id, seq) and only from transactions older than the
 * oldest one still running (pg_snapshot_xmin), so an append that commits late can never land
 * behind a reader's checkpoint.
 */
export const EVENT_STORE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS es_streams (
  stream_name text PRIMARY KEY,
  revision    bigint NOT NULL,
  last_hash   text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

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

CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_bodies text[]
) RETURNS TABLE (next_revision bigint, tx text, last_seq bigint, replayed boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_rev bigint;
  v_hash text;
  v_hashes text[] := '{}';
  v_prevs text[] := '{}';
  v_revs bigint[] := '{}';
  v_n int := array_length(p_ids, 1);
  v_seq bigint;
BEGIN
  -- Take the stream's head row (creating it), so appends to one stream queue up here.
  INSERT INTO es_streams (stream_name, revision, last_hash) VALUES (p_stream, -1, '')
    ON CONFLICT (stream_name) DO NOTHING;
  SELECT s.revision, s.last_hash INTO v_rev, v_hash FROM es_streams s WHERE s.stream_name = p_stream FOR UPDATE;

  -- A retry of an append that already committed: answer as the first time did.
  IF EXISTS (SELECT 1 FROM es_events e WHERE e.event_id = p_ids[1]) THEN
    RETURN QUERY
      SELECT e.stream_revision, e.tx_id::text, e.seq, true
      FROM es_events e WHERE e.event_id = p_ids[v_n] AND e.stream_name = p_stream;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'event id reused' USING ERRCODE = 'ESDUP', DETAIL = p_ids[1]::text;
    END IF;
    RETURN;
  END IF;

  IF NOT (p_expected = 'any'
       OR (p_expected = 'no_stream' AND v_rev = -1)
       OR (p_expected = 'exists' AND v_rev >= 0)
       OR (p_expected ~ '^[0-9]+$' AND v_rev = p_expected::bigint)) THEN
    RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ESREV', DETAIL = v_rev::text;
  END IF;

  FOR i IN 1..v_n LOOP
    v_rev := v_rev + 1;
    v_prevs := v_prevs || v_hash;
    v_hash := encode(sha256(convert_to(v_hash || E'\\n' || p_stream || E'\\n' || v_rev::text || E'\\n' || p_bodies[i], 'UTF8')), 'hex');
    v_hashes := v_hashes || v_hash;
    v_revs := v_revs || v_rev;
  END LOOP;

  WITH ins AS (
    INSERT INTO es_events (event_id, stream_name, stream_revision, type, data, metadata, hash, prev_hash)
    SELECT u.id, p_stream, u.rev, u.typ, u.dat, u.meta, u.h, u.ph
    FROM unnest(p_ids, v_revs, p_types, p_data, p_metadata, v_hashes, v_prevs) AS u(id, rev, typ, dat, meta, h, ph)
    RETURNING seq
  ) SELECT max(ins.seq) INTO v_seq FROM ins;

  UPDATE es_streams SET revision = v_rev, last_hash = v_hash, updated_at = now() WHERE stream_name = p_stream;
  PERFORM pg_notify('es_appended', '');
  RETURN QUERY SELECT v_rev, pg_current_xact_id()::text, v_seq, false;
END
$$;
`;
