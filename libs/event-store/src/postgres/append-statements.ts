/**
 * The statements that append to es_events (see event-store-schema.ts for why they are safe
 * without a lock). The adapter prepares them once per pooled connection. They need nothing
 * but the es_events table, so they also run on a database set up by the first schema.
 */

/** sha256(prevHash, stream, revision and canonical body joined by newlines) in hex, as chainHash() computes it. */
function hash(prevHash: string, revision: string, body: string): string {
  return `encode(sha256(convert_to(${prevHash} || E'\\n' || $1::text || E'\\n' || (${revision})::text || E'\\n' || ${body}, 'UTF8')), 'hex')`;
}

const RETURNING = `RETURNING stream_revision, tx_id::text AS tx, seq`;
const COLUMNS = `event_id, stream_name, stream_revision, type, data, metadata, hash, prev_hash`;

/**
 * One event, a new stream ('no_stream'): $1 stream, $2 canonical body, $3 id, $4 type, $5 data,
 * $6 metadata. Most appends are one event with an exact expected revision, so these two get
 * plans with nothing but the insert (and the one index lookup for the previous hash).
 */
export const APPEND_ONE_NEW_STREAM_SQL = `INSERT INTO es_events (${COLUMNS})
VALUES ($3::uuid, $1::text, 0, $4::text, $5::jsonb, $6::jsonb, ${hash("''", '0', '$2::text')}, '')
${RETURNING}`;

/** One event after exactly revision $2 (>= 0); then $3 canonical body, $4 id, $5 type, $6 data, $7 metadata. */
export const APPEND_ONE_AFTER_REVISION_SQL = `INSERT INTO es_events (${COLUMNS})
SELECT $4::uuid, $1::text, e.stream_revision + 1, $5::text, $6::jsonb, $7::jsonb, ${hash('e.hash', 'e.stream_revision + 1', '$3::text')}, e.hash
FROM es_events e WHERE e.stream_name = $1::text AND e.stream_revision = $2::bigint
${RETURNING}`;

/**
 * Any number of events: \`head\` yields the revision and hash to follow (no row: the append
 * cannot go on), \`chain\` hashes the events in order and parses each body once, the INSERT
 * stores them. Each event's id, type, data and metadata come from its canonical body, the same
 * text the hash covers.
 */
function appendBatchSql(head: string): string {
  return `WITH RECURSIVE head(rev, hash) AS (
  ${head}
), chain(i, rev, hash, prev_hash, doc) AS (
  SELECT 1, h.rev + 1, ${hash('h.hash', 'h.rev + 1', '($3::text[])[1]')}, h.hash, (($3::text[])[1])::jsonb FROM head h
  UNION ALL
  SELECT c.i + 1, c.rev + 1, ${hash('c.hash', 'c.rev + 1', '($3::text[])[c.i + 1]')}, c.hash, (($3::text[])[c.i + 1])::jsonb
  FROM chain c WHERE c.i < cardinality($3::text[])
)
INSERT INTO es_events (${COLUMNS})
SELECT (c.doc ->> 'id')::uuid, $1::text, c.rev, c.doc ->> 'type', c.doc -> 'data', c.doc -> 'metadata', c.hash, c.prev_hash
FROM chain c
ORDER BY c.i
${RETURNING}`;
}

/** $1 stream, $2 the revision to follow exactly (-1: the stream must not exist), $3 the canonical bodies. */
export const APPEND_AFTER_REVISION_SQL = appendBatchSql(`SELECT -1::bigint, ''::text WHERE $2::bigint = -1
  UNION ALL
  SELECT e.stream_revision, e.hash FROM es_events e WHERE e.stream_name = $1::text AND e.stream_revision = $2::bigint`);

/** $1 stream, $2 whether the stream must already exist, $3 the canonical bodies: appends after the current head. */
export const APPEND_AT_HEAD_SQL = appendBatchSql(`SELECT coalesce(h.rev, -1), coalesce(h.hash, '')
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT e.stream_revision AS rev, e.hash FROM es_events e WHERE e.stream_name = $1::text ORDER BY e.stream_revision DESC LIMIT 1
  ) h ON true
  WHERE h.rev IS NOT NULL OR NOT $2::boolean`);
