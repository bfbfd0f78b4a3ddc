import type pg from 'pg';
import { parsePosition, toPosition } from '#event-store';
import type { AnchoredLeaf } from '../log-verifier.js';
import type { TrailEvent } from '../trail-event.js';

/** Only what every reader may see: transactions below the oldest one still running (the store's own guard). */
export const VISIBLE = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

export interface EventFilter {
  stream?: string;
  /** Exclusive lower bound (a position). */
  afterPosition?: string;
  /** Inclusive upper bound (a position). */
  throughPosition?: string;
  /** Inclusive bounds on the recorded time. */
  fromRecordedAt?: Date;
  toRecordedAt?: Date;
  batchSize?: number;
}

interface Row {
  tx: string;
  seq: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  type: string;
  data: unknown;
  metadata: TrailEvent['metadata'];
  recorded_at: Date;
  hash: string;
  prev_hash: string;
}

function toTrail(r: Row): TrailEvent {
  return {
    position: toPosition(r.tx, r.seq),
    streamName: r.stream_name,
    revision: r.stream_revision,
    id: r.event_id,
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    recordedAt: r.recorded_at.toISOString(),
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

/**
 * The log in order, a batch at a time (keyset on (tx_id, seq), or on the revision for one
 * stream), so a million events never sit in memory. Only what the store's readers may see.
 */
export async function* readTrail(pool: pg.Pool, filter: EventFilter = {}): AsyncGenerator<TrailEvent> {
  const batch = filter.batchSize ?? 2000;
  const after = parsePosition(filter.afterPosition ?? '0:0');
  const through = filter.throughPosition ? parsePosition(filter.throughPosition) : null;
  let tx = String(after.tx);
  let seq = String(after.seq);
  let revision = '-1';
  for (;;) {
    const params: unknown[] = [tx, seq, batch, filter.stream ?? null, through ? String(through.tx) : null, through ? String(through.seq) : null, filter.fromRecordedAt ?? null, filter.toRecordedAt ?? null, revision];
    const byStream = filter.stream !== undefined;
    const { rows } = await pool.query<Row>(
      `SELECT tx_id::text AS tx, seq, event_id, stream_name, stream_revision, type, data, metadata, recorded_at, hash, prev_hash
       FROM es_events
       WHERE ${VISIBLE}
         AND ($4::text IS NULL OR stream_name = $4)
         AND ($5::text IS NULL OR (tx_id, seq) <= ($5::text::xid8, $6::bigint))
         AND ($7::timestamptz IS NULL OR recorded_at >= $7) AND ($8::timestamptz IS NULL OR recorded_at <= $8)
         AND ${byStream ? `stream_revision > $9::bigint AND (tx_id, seq) > ($1::text::xid8, $2::bigint)` : `(tx_id, seq) > ($1::text::xid8, $2::bigint) AND $9::bigint IS NOT NULL`}
       ORDER BY ${byStream ? 'stream_revision' : 'tx_id, seq'} LIMIT $3`,
      params,
    );
    for (const r of rows) yield toTrail(r);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    if (byStream) revision = last.stream_revision;
    else [tx, seq] = [last.tx, last.seq];
  }
}

/** The anchored leaves in tree order from `fromIndex` (optionally of one stream, by revision). */
export async function* readLeaves(pool: pg.Pool, options: { fromIndex?: number; toIndex?: number; stream?: string; batchSize?: number } = {}): AsyncGenerator<AnchoredLeaf> {
  const batch = options.batchSize ?? 5000;
  let from = options.fromIndex ?? 0;
  for (;;) {
    const { rows } = await pool.query<{ leaf_index: string; event_id: string; stream_name: string; stream_revision: string; hash: string }>(
      `SELECT leaf_index, event_id, stream_name, stream_revision, hash FROM audit_leaves
       WHERE leaf_index >= $1 AND ($3::bigint IS NULL OR leaf_index < $3) AND ($4::text IS NULL OR stream_name = $4)
       ORDER BY leaf_index LIMIT $2`,
      [from, batch, options.toIndex ?? null, options.stream ?? null],
    );
    for (const r of rows) yield { leafIndex: Number(r.leaf_index), eventId: r.event_id, streamName: r.stream_name, revision: r.stream_revision, hash: r.hash };
    if (rows.length < batch) return;
    from = Number(rows[rows.length - 1].leaf_index) + 1;
  }
}
