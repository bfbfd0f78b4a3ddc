import type pg from 'pg';
import { parsePosition, toPosition } from '#event-store';
import type { AnchoredLeaf } from '../log-verifier.js';
import type { TrailEvent } from '../trail-event.js';

/** Only what every reader may see: transactions below the oldest one still running (the store's own guard). */
export const VISIBLE = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

export interface EventFilter {
  stream?: string;
  /**
   * Only events no running transaction can still precede (the store's subscriber guard). Off,
   * everything committed is read: right for verifying and exporting, where an append that
   * commits during the read is simply not part of this read.
   */
  onlySettled?: boolean;
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
  recorded_at: string;
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
    recordedAt: new Date(r.recorded_at).toISOString(),
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

/**
 * The log in order, a batch at a time (keyset on (tx_id, seq), or on the revision for one
 * stream), so a million events never sit in memory.
 */
export async function* readTrail(pool: pg.Pool | pg.PoolClient, filter: EventFilter = {}): AsyncGenerator<TrailEvent> {
  const batch = filter.batchSize ?? 2000;
  const byStream = filter.stream !== undefined;
  // Only the conditions asked for, so the planner walks one index in order: (stream, revision) or (tx_id, seq).
  const params: unknown[] = [batch];
  const where = filter.onlySettled ? [VISIBLE] : ['true'];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (byStream) where.push(`stream_name = ${param(filter.stream)}`);
  if (filter.throughPosition) {
    const { tx, seq } = parsePosition(filter.throughPosition);
    where.push(`(tx_id, seq) <= (${param(String(tx))}::text::xid8, ${param(String(seq))}::bigint)`);
  }
  if (filter.fromRecordedAt) where.push(`recorded_at >= ${param(filter.fromRecordedAt)}`);
  if (filter.toRecordedAt) where.push(`recorded_at <= ${param(filter.toRecordedAt)}`);
  let after: { tx: bigint; seq: bigint } | null = filter.afterPosition ? parsePosition(filter.afterPosition) : null;
  let revision = -1n;
  for (;;) {
    const page = [...params];
    const keyset = byStream
      ? [`stream_revision > $${page.push(String(revision))}::bigint`, ...(after ? [`(tx_id, seq) > ($${page.push(String(after.tx))}::text::xid8, $${page.push(String(after.seq))}::bigint)`] : [])]
      : after
        ? [`(tx_id, seq) > ($${page.push(String(after.tx))}::text::xid8, $${page.push(String(after.seq))}::bigint)`]
        : [];
    // One JSON document per batch: a single native JSON.parse instead of the driver's per-row, per-column parsing (several times faster).
    const { rows: [{ batch: rows }] } = await pool.query<{ batch: Row[] }>(
      `SELECT coalesce(json_agg(json_build_object('tx', b.tx_id::text, 'seq', b.seq::text, 'event_id', b.event_id, 'stream_name', b.stream_name,
                'stream_revision', b.stream_revision::text, 'type', b.type, 'data', b.data, 'metadata', b.metadata, 'recorded_at', b.recorded_at,
                'hash', b.hash, 'prev_hash', b.prev_hash) ORDER BY ${byStream ? 'b.stream_revision' : 'b.tx_id, b.seq'}), '[]'::json) AS batch
       FROM (SELECT * FROM es_events WHERE ${[...where, ...keyset].join(' AND ')}
             ORDER BY ${byStream ? 'stream_name, stream_revision' : 'tx_id, seq'} LIMIT $1) b`,
      page,
    );
    for (const r of rows) yield toTrail(r);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    if (byStream) revision = BigInt(last.stream_revision);
    else after = { tx: BigInt(last.tx), seq: BigInt(last.seq) };
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
