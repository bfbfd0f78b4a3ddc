import { createPublicKey, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { isPosition, parsePosition, toPosition } from '#event-store';
import type { Bilingual, DomainEvent } from '#domain';
import { LogVerifier } from '../log-verifier.js';
import type { AuditProblem } from '../problems.js';
import { checkInvariants, decodeState, encodeState, type AuditedAggregate, type Replayed } from '../replay/audited-aggregate.js';
import { packState, signSnapshot, snapshotProblem, unpackState, type SignedSnapshot, type SnapshotBody } from '../snapshot.js';

export interface SnapshotSettings {
  /** The audit's Ed25519 key: signs the snapshots a replay takes; its public half checks the ones it finds. */
  key: KeyObject;
  /** A snapshot after every this many events of a stream (at revisions every−1, 2·every−1, …); 0 takes none (stored ones are still used). */
  every: number;
  /** 'all': every multiple the replay folds past (building them for a stream); 'latest' (default): only the last one, so each replay leaves the next one faster. */
  take?: 'all' | 'latest';
  now?: () => Date;
}

export interface ReplayOptions {
  /** Re-hash and re-chain the events folded (default true). Off, nothing is snapshotted either. */
  checkChain?: boolean;
  /** Unset or null: no snapshots, every replay folds from the first event. */
  snapshots?: SnapshotSettings | null;
  /** Events per read (default 10,000). */
  batchSize?: number;
}

export interface ReplayedEventRef {
  revision: string;
  position: string;
  recordedAt: string;
  id: string;
}

export interface SnapshotUse {
  revision: string;
  position: string;
  eventId: string;
  eventHash: string;
  takenAt: string;
}

export interface AsOfReplay<S> extends Replayed<S> {
  stream: string;
  /** The last event covered (folded, or covered by the snapshot): where the state stands. */
  lastEvent: ReplayedEventRef | null;
  /** The snapshot the fold started from (its signature, state hash and last event checked), or null: from the stream's first event. */
  snapshot: SnapshotUse | null;
  /** Snapshots at or before the moment that were not used, and why: each is a sign that the log or the snapshot was altered. */
  snapshotsRejected: { revision: string; reason: Bilingual }[];
  /** Snapshots this replay took (signed and stored for the next one). */
  snapshotsTaken: number;
  /**
   * The events folded, re-hashed and re-chained (the first one linked to the snapshot's event when
   * there is one): the state rests on unaltered events. `fromRevision`: the first event re-hashed.
   */
  chain: { intact: boolean; problems: AuditProblem[]; fromRevision: string | null };
}

const stateVersionOf = (aggregate: { stateVersion?: number }) => aggregate.stateVersion ?? 1;

/** The moment: a log position (everything at or before it) or an instant (the stream's events recorded by then). */
type Bound = { position: { tx: bigint; seq: bigint } } | { instantMs: number } | null;

function boundOf(asOf: string | undefined): Bound {
  if (asOf === undefined) return null;
  return isPosition(asOf) ? { position: parsePosition(asOf) } : { instantMs: Date.parse(asOf) };
}

/** Whether an event at (tx, seq), recorded at `recordedMs`, is within the moment. */
function within(bound: Bound, tx: string, seq: string, recordedMs: number): boolean {
  if (!bound) return true;
  if ('instantMs' in bound) return recordedMs <= bound.instantMs;
  const t = BigInt(tx);
  return t < bound.position.tx || (t === bound.position.tx && BigInt(seq) <= bound.position.seq);
}

// One event as read for a replay: text columns in an array (no per-row objects, no jsonb or
// Date parsing by the driver); data parsed by one JSON.parse each, metadata only to re-hash.
const TX = 0, SEQ = 1, ID = 2, REVISION = 3, TYPE = 4, DATA = 5, RECORDED = 6, HASH = 7, PREV = 8, METADATA = 9;
type Row = string[];

const columns = (withMetadata: boolean) =>
  // Aliased: ORDER BY stream_revision must mean the bigint column, not this text (which sorts "10" before "2").
  `tx_id::text AS t, seq::text AS s, event_id::text AS i, stream_revision::text AS r, type, data::text AS d, (extract(epoch from recorded_at) * 1000)::int8::text AS at, hash, prev_hash${withMetadata ? ', metadata::text AS m' : ''}`;

/**
 * The last revision within the moment. A stream's positions grow with its revisions (an append
 * reads its predecessor only once committed), and so, as near as matters, do its recorded
 * times: a binary search by revision over the unique index, a few point reads, instead of
 * filtering every event after the moment. The fold still checks each event against the moment
 * and stops at the first one beyond it, so the state is always a prefix of the stream.
 */
async function cutRevision(pool: pg.Pool, stream: string, head: bigint, bound: Bound): Promise<bigint> {
  if (!bound) return head;
  let lo = -1n; // within
  let hi = head + 1n; // beyond
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const { rows } = await pool.query<Row>({ text: `SELECT ${columns(false)} FROM es_events WHERE stream_name = $1 AND stream_revision = $2`, values: [stream, String(mid)], rowMode: 'array' });
    // A missing revision (a deleted event) counts as within: the fold reads across it, the chain check names the gap, and the fold still stops at the moment.
    if (!rows[0] || within(bound, rows[0][TX], rows[0][SEQ], Number(rows[0][RECORDED]))) lo = mid;
    else hi = mid;
  }
  return lo;
}

interface SnapshotRow {
  revision: string;
  body: SnapshotBody;
  signature: string;
  key_id: string;
}

/** The latest snapshot at or before the cut that passes every check, and the ones that did not. */
async function startingSnapshot<S>(
  pool: pg.Pool,
  aggregate: AuditedAggregate<S>,
  stream: string,
  cut: bigint,
  bound: Bound,
  publicKey: KeyObject,
  /** Told the latest candidate's revision before its state is read and checked (to read the events after it meanwhile). */
  onCandidate: (revision: bigint) => void,
): Promise<{ use: { body: SnapshotBody; state: S } | null; rejected: AsOfReplay<S>['snapshotsRejected'] }> {
  const rejected: AsOfReplay<S>['snapshotsRejected'] = [];
  const instant = bound && 'instantMs' in bound ? new Date(bound.instantMs) : null;
  const { rows } = await pool.query<SnapshotRow>(
    `SELECT stream_revision::text AS revision, body, signature, key_id FROM audit_snapshots
      WHERE stream_name = $1 AND stream_revision <= $2 AND ($3::timestamptz IS NULL OR covered_until <= $3) AND state_version = $4
      ORDER BY stream_revision DESC LIMIT 3`,
    [stream, String(cut), instant, stateVersionOf(aggregate)],
  );
  if (rows[0]) onCandidate(BigInt(rows[0].revision));
  for (const r of rows) {
    const { rows: stateRows } = await pool.query<{ state: Buffer }>(`SELECT state FROM audit_snapshots WHERE stream_name = $1 AND stream_revision = $2`, [stream, r.revision]);
    if (!stateRows[0]) continue;
    const signed: SignedSnapshot = { body: r.body, state: stateRows[0].state, signature: r.signature, keyId: r.key_id };
    const problem = snapshotProblem(signed, { kind: aggregate.kind, stateVersion: stateVersionOf(aggregate), stream, revision: r.revision }, publicKey);
    if (problem) {
      rejected.push({ revision: r.revision, reason: problem });
      continue;
    }
    const { rows: events } = await pool.query<{ event_id: string; hash: string }>(`SELECT event_id::text, hash FROM es_events WHERE stream_name = $1 AND stream_revision = $2`, [stream, r.revision]);
    if (events[0]?.event_id !== signed.body.eventId || events[0]?.hash !== signed.body.eventHash) {
      rejected.push({
        revision: r.revision,
        reason: events[0]
          ? { zh: `快照所依据的事件 #${r.revision} 的哈希已不是快照时的哈希：该记录的历史被改写过`, en: `the event #${r.revision} the snapshot rests on no longer has the hash it had: the record’s history was rewritten` }
          : { zh: `快照所依据的事件 #${r.revision} 已不在日志中`, en: `the event #${r.revision} the snapshot rests on is gone from the log` },
      });
      continue;
    }
    let state: S;
    try {
      state = decodeState(aggregate, unpackState(signed.state));
    } catch (error) {
      rejected.push({ revision: r.revision, reason: { zh: `快照的状态无法读取（${(error as Error).message}）`, en: `the snapshot’s state cannot be read (${(error as Error).message})` } });
      continue;
    }
    return { use: { body: signed.body, state }, rejected };
  }
  return { use: null, rejected };
}

interface Taken<S> {
  state: S;
  row: Row;
  coveredUntilMs: number;
}

async function saveSnapshots<S>(pool: pg.Pool, aggregate: AuditedAggregate<S>, stream: string, taken: readonly Taken<S>[], settings: SnapshotSettings): Promise<number> {
  let saved = 0;
  for (const t of taken) {
    const state = packState(encodeState(aggregate, t.state));
    const s = signSnapshot(
      {
        kind: aggregate.kind,
        stateVersion: stateVersionOf(aggregate),
        stream,
        revision: t.row[REVISION],
        position: toPosition(t.row[TX], t.row[SEQ]),
        eventId: t.row[ID],
        eventHash: t.row[HASH],
        eventRecordedAt: new Date(Number(t.row[RECORDED])).toISOString(),
        coveredUntil: new Date(t.coveredUntilMs).toISOString(),
        takenAt: (settings.now?.() ?? new Date()).toISOString(),
      },
      state,
      settings.key,
    );
    // Over one of an older state shape only: one of this shape that no longer checks out is evidence, and stays.
    const { rowCount } = await pool.query(
      `INSERT INTO audit_snapshots AS a (stream_name, stream_revision, kind, state_version, tx_id, seq, covered_until, body, state, signature, key_id)
       VALUES ($1, $2, $3, $4, $5::text::xid8, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (stream_name, stream_revision) DO UPDATE SET kind = EXCLUDED.kind, state_version = EXCLUDED.state_version, tx_id = EXCLUDED.tx_id, seq = EXCLUDED.seq,
         covered_until = EXCLUDED.covered_until, body = EXCLUDED.body, state = EXCLUDED.state, signature = EXCLUDED.signature, key_id = EXCLUDED.key_id
       WHERE a.state_version <> EXCLUDED.state_version`,
      [stream, s.body.revision, s.body.kind, s.body.stateVersion, t.row[TX], t.row[SEQ], s.body.coveredUntil, s.body, s.state, s.signature, s.keyId],
    );
    saved += rowCount ?? 0;
  }
  return saved;
}

/**
 * The state of one record as of a moment, from its events (never a read model): `asOf` is a
 * log position (everything at or before it) or an instant (the stream's events recorded by
 * then); unset, now. Null when the stream has no events at all.
 *
 * It starts from the latest signed snapshot at or before the moment that still checks out (its
 * signature, its state's hash, its last event's id and hash in the log), else from the first
 * event; reads the rest in batches by revision (the next batch read while this one is folded)
 * and folds them as they arrive with the domain's own decider; re-hashes and re-chains every
 * event it folds, from the snapshot's event on; and re-checks the invariants on the result.
 */
export async function replayAsOf<S>(pool: pg.Pool, aggregate: AuditedAggregate<S>, id: string, asOf?: string, options: ReplayOptions = {}): Promise<AsOfReplay<S> | null> {
  const stream = aggregate.streamOf(id);
  const checkChain = options.checkChain !== false;
  const batchSize = options.batchSize ?? 10_000;
  const settings = options.snapshots ?? null;
  const bound = boundOf(asOf);

  const { rows: heads } = await pool.query<{ head: string | null }>(`SELECT max(stream_revision)::text AS head FROM es_events WHERE stream_name = $1`, [stream]);
  if (heads[0].head === null) return null;
  const cut = await cutRevision(pool, stream, BigInt(heads[0].head), bound);

  const read = (after: bigint): Promise<Row[]> | null => {
    if (after >= cut) return null;
    const through = after + BigInt(batchSize) < cut ? after + BigInt(batchSize) : cut;
    return pool
      .query<Row>({
        text: `SELECT ${columns(checkChain)} FROM es_events WHERE stream_name = $1 AND stream_revision > $2 AND stream_revision <= $3 ORDER BY stream_revision`,
        values: [stream, String(after), String(through)],
        rowMode: 'array',
      })
      .then((r) => r.rows);
  };

  // The first events after the latest snapshot are read while its state is read, checked and decoded.
  let prefetch: { after: bigint; rows: Promise<Row[]> | null } | null = null;
  const start =
    settings && cut >= 0n
      ? await startingSnapshot(pool, aggregate, stream, cut, bound, createPublicKey(settings.key), (revision) => {
          const rows = read(revision);
          rows?.catch(() => undefined); // handled where it is awaited; not a crash while the snapshot is checked
          prefetch = { after: revision, rows };
        })
      : { use: null, rejected: [] };
  const chain = new LogVerifier([], { maxProblems: 10, tree: false });
  let state: S = start.use ? start.use.state : aggregate.decider.initialState();
  let last: ReplayedEventRef | null = null;
  let lastRow: Row | null = null;
  let firstFolded: string | null = null;
  let coveredUntilMs = -Infinity;
  let from = -1n;
  if (start.use) {
    const b = start.use.body;
    chain.resumeFrom({ streamName: stream, revision: b.revision, eventId: b.eventId, hash: b.eventHash }, b.position);
    last = { revision: b.revision, position: b.position, recordedAt: b.eventRecordedAt, id: b.eventId };
    coveredUntilMs = Date.parse(b.coveredUntil);
    from = BigInt(b.revision);
  }

  // Snapshots to take: at revisions every−1, 2·every−1, … folded past here, not stored yet.
  const every = checkChain && settings ? BigInt(settings.every) : 0n;
  const stored = new Set<string>();
  if (every > 0n) {
    const { rows } = await pool.query<{ r: string }>(`SELECT stream_revision::text AS r FROM audit_snapshots WHERE stream_name = $1 AND stream_revision > $2 AND state_version = $3`, [stream, String(from), stateVersionOf(aggregate)]);
    for (const r of rows) stored.add(r.r);
  }
  const taken: Taken<S>[] = [];

  let folded = 0;
  let beyond = false;
  const prefetched = prefetch as { after: bigint; rows: Promise<Row[]> | null } | null;
  let next = prefetched && prefetched.after === from ? prefetched.rows : read(from);
  let after = from;
  while (next && !beyond) {
    const rows = await next;
    after = after + BigInt(batchSize) < cut ? after + BigInt(batchSize) : cut;
    next = read(after); // the next batch is read while this one is folded
    for (const row of rows) {
      const recordedMs = Number(row[RECORDED]);
      if (!within(bound, row[TX], row[SEQ], recordedMs)) {
        beyond = true;
        break;
      }
      const data: unknown = JSON.parse(row[DATA]);
      const position = toPosition(row[TX], row[SEQ]);
      if (checkChain) {
        chain.add({ position, streamName: stream, revision: row[REVISION], id: row[ID], type: row[TYPE], data, metadata: JSON.parse(row[METADATA]), recordedAt: '', hash: row[HASH], prevHash: row[PREV] });
      }
      state = aggregate.decider.evolve(state, { type: row[TYPE], data } as DomainEvent as never);
      folded++;
      if (recordedMs > coveredUntilMs) coveredUntilMs = recordedMs;
      lastRow = row;
      firstFolded ??= row[REVISION];
      if (every > 0n && (BigInt(row[REVISION]) + 1n) % every === 0n && !stored.has(row[REVISION]) && chain.problems.length === 0) {
        // The state is immutable (the deciders never change one in place): keeping it costs nothing.
        if (settings?.take !== 'all') taken.length = 0;
        taken.push({ state, row, coveredUntilMs });
      }
    }
  }
  if (next) await next.catch(() => undefined); // read ahead past the moment: not needed

  if (lastRow) last = { revision: lastRow[REVISION], position: toPosition(lastRow[TX], lastRow[SEQ]), recordedAt: new Date(Number(lastRow[RECORDED])).toISOString(), id: lastRow[ID] };
  const problems = [...chain.finish().problems];
  const snapshotsTaken = taken.length && settings ? await saveSnapshots(pool, aggregate, stream, taken, settings) : 0;
  return {
    stream,
    state,
    eventsFolded: folded,
    ...checkInvariants(aggregate, state),
    lastEvent: last,
    snapshot: start.use ? { revision: start.use.body.revision, position: start.use.body.position, eventId: start.use.body.eventId, eventHash: start.use.body.eventHash, takenAt: start.use.body.takenAt } : null,
    snapshotsRejected: start.rejected,
    snapshotsTaken,
    chain: { intact: problems.length === 0, problems, fromRevision: firstFolded },
  };
}
