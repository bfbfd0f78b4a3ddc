import pg from 'pg';
import { canonicalEventBody } from '../event-hash.js';
import {
  EventIdConflict,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type EventStoreDiagnostics,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store.port.js';
import { parsePosition, START, toPosition, type Position } from '../position.js';
import { waitForWake } from '../wakeup.js';
import { APPEND_AFTER_REVISION_SQL, APPEND_AT_HEAD_SQL, APPEND_ONE_AFTER_REVISION_SQL, APPEND_ONE_NEW_STREAM_SQL } from './append-statements.js';
import { EVENT_STORE_SCHEMA_SQL } from './event-store-schema.js';
import { AppendNotifications } from './postgres-notifications.js';

export interface PostgresEventStoreOptions {
  pool: pg.Pool;
  /** For the LISTEN connection; without it subscribers only poll. */
  connectionString?: string;
  /** Fallback poll interval when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * Appends wake other processes' subscribers with a NOTIFY sent after they commit, at most one
   * per this many milliseconds (the first after a quiet spell goes at once). Default 10: a busy
   * subscriber reads again within 2 ms on its own, so this bounds only a sleeping one's wait.
   */
  notifyIntervalMs?: number;
  /**
   * Skip the snapshot-xmin guard. ONLY for the concurrency proof, which shows that events
   * are lost without it. Never set in the application.
   */
  unsafeDisableXminGuard?: boolean;
  /** The LISTEN connection failed, or a NOTIFY could not be sent: subscribers poll meanwhile. */
  onListenerError?: (error: Error) => void;
}

/** How often an 'any' or 'exists' append re-reads the head after losing a race for it. */
const MAX_HEAD_ATTEMPTS = 50;

interface AppendedRow {
  stream_revision: string;
  tx: string;
  seq: string;
}

// Named, so each pooled connection parses and plans them once.
const APPEND = {
  oneNewStream: { name: 'es_append_one_new_stream', text: APPEND_ONE_NEW_STREAM_SQL },
  oneAfterRevision: { name: 'es_append_one_after_revision', text: APPEND_ONE_AFTER_REVISION_SQL },
  afterRevision: { name: 'es_append_after_revision', text: APPEND_AFTER_REVISION_SQL },
  atHead: { name: 'es_append_at_head', text: APPEND_AT_HEAD_SQL },
};

interface EventRow {
  tx: string;
  seq: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  type: string;
  data: unknown;
  metadata: NewEvent['metadata'];
  recorded_at: Date;
  hash: string;
  prev_hash: string;
}

const COLUMNS = `tx_id::text AS tx, seq, event_id, stream_name, stream_revision, type, data, metadata, recorded_at, hash, prev_hash`;

function toRecorded(r: EventRow): RecordedEvent {
  return {
    id: r.event_id,
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    streamName: r.stream_name,
    streamRevision: BigInt(r.stream_revision),
    position: toPosition(r.tx, r.seq),
    recordedAt: r.recorded_at,
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

export async function installPostgresEventStore(client: pg.Pool | pg.PoolClient | pg.Client): Promise<void> {
  await client.query(EVENT_STORE_SCHEMA_SQL);
}

/** How long a subscription read's answer serves other subscribers at the same position. */
const SHARED_READ_MS = 2;

export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly notifications: AppendNotifications;
  private closed = false;
  private readonly guard: string;
  /** Subscription reads under way, by position and size: subscribers at the same place share one. */
  private readonly reading = new Map<string, Promise<RecordedEvent[]>>();
  /** Timers of the look-again after a read, by position and delay: subscribers at the same place share one. */
  private readonly lookAgain = new Map<string, Promise<void>>();
  readonly diagnostics: EventStoreDiagnostics;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.guard = options.unsafeDisableXminGuard ? 'true' : `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;
    this.notifications = new AppendNotifications({
      pool: options.pool,
      connectionString: options.connectionString,
      notifyIntervalMs: options.notifyIntervalMs,
      onError: options.onListenerError,
    });
    this.diagnostics = {
      oldestOpenWrite: () => this.oldestOpenWrite(),
      eventsAfter: (position, cap) => this.eventsAfter(position, cap),
    };
  }

  async appendToStream(stream: string, events: NewEvent[], { expectedRevision }: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('appendToStream needs at least one event');
    const bodies = events.map(canonicalEventBody);
    for (let attempt = 1; ; attempt++) {
      let rows: AppendedRow[];
      try {
        rows = (await this.query<AppendedRow>(this.appendQuery(stream, events, expectedRevision, bodies))).rows;
      } catch (error) {
        const e = error as { code?: string; constraint?: string };
        if (e.code !== '23505') throw error;
        // A retry of an append that already committed, or one racing its twin: answer as the first did.
        const replay = await this.replayOf(stream, events, bodies);
        if (replay) return replay;
        if (e.constraint === 'es_events_event_id_key') throw new EventIdConflict(events[0].id);
        if (e.constraint !== 'es_events_stream_revision_key') throw error;
        // Another append to this stream took the next revision first.
        if ((expectedRevision === 'any' || expectedRevision === 'exists') && attempt < MAX_HEAD_ATTEMPTS) continue;
        throw new WrongExpectedRevision(stream, expectedRevision, await this.streamRevision(stream));
      }
      if (rows.length === 0) {
        // The expected revision is not the stream's (or the stream is missing for 'exists').
        const replay = await this.replayOf(stream, events, bodies);
        if (replay) return replay;
        throw new WrongExpectedRevision(stream, expectedRevision, await this.streamRevision(stream));
      }
      let last = rows[0];
      for (const row of rows) if (BigInt(row.stream_revision) > BigInt(last.stream_revision)) last = row;
      this.notifications.appended();
      return { nextRevision: BigInt(last.stream_revision), position: toPosition(last.tx, last.seq) };
    }
  }

  /**
   * A statement on a pooled connection. Unlike pg's \`pool.query\`, an error the server answered
   * with (a unique violation when two appends race, say) gives the connection back for reuse:
   * the connection is sound, and pg-pool would otherwise close it, so every lost race cost a
   * new connection and its password exchange (SCRAM: thousands of HMAC rounds). Only an error
   * of the connection itself closes it.
   */
  private async query<R extends pg.QueryResultRow>(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await client.query<R>(config as pg.QueryConfig, values);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken ?? false);
    }
  }

  private appendQuery(stream: string, events: NewEvent[], expected: ExpectedRevision, bodies: string[]): pg.QueryConfig {
    if (expected === 'any' || expected === 'exists') return { ...APPEND.atHead, values: [stream, expected === 'exists', bodies] };
    if (events.length === 1 && (expected === 'no_stream' || expected >= 0n)) {
      // The hash covers the canonical body; data and metadata are stored from plain JSON of the same values.
      const [e] = events;
      const rest = [bodies[0], e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)];
      if (expected === 'no_stream') return { ...APPEND.oneNewStream, values: [stream, ...rest] };
      return { ...APPEND.oneAfterRevision, values: [stream, String(expected), ...rest] };
    }
    // A negative revision never matches: -2 finds no row to follow (-1 stands for 'no_stream').
    const after = expected === 'no_stream' ? -1n : expected < 0n ? -2n : expected;
    return { ...APPEND.afterRevision, values: [stream, String(after), bodies] };
  }

  /**
   * When the first event is already stored, the append is a re-send: it is answered as the
   * first time (the last event's revision and position) if every event is stored in this
   * stream with the same content, and refused with EventIdConflict otherwise.
   */
  private async replayOf(stream: string, events: NewEvent[], bodies: string[]): Promise<AppendResult | undefined> {
    const { rows } = await this.query<EventRow>(`SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
    const byId = new Map(rows.map((r) => [r.event_id, toRecorded(r)]));
    if (!byId.has(events[0].id)) return undefined;
    events.forEach((e, i) => {
      const stored = byId.get(e.id);
      if (!stored || stored.streamName !== stream || canonicalEventBody(stored) !== bodies[i]) throw new EventIdConflict(e.id);
    });
    const last = byId.get(events[events.length - 1].id)!;
    return { nextRevision: last.streamRevision, position: last.position };
  }

  private async streamRevision(stream: string): Promise<bigint> {
    const { rows } = await this.query<{ revision: string }>(
      `SELECT coalesce(max(stream_revision), -1)::text AS revision FROM es_events WHERE stream_name = $1`,
      [stream],
    );
    return BigInt(rows[0].revision);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE stream_name = $1 AND stream_revision >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY stream_revision`,
      [stream, String(options.fromRevision ?? 0n), options.untilRecordedAt ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll({ fromPosition = START, limit = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { tx, seq } = parsePosition(fromPosition);
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) AND ${this.guard}
       ORDER BY tx_id, seq LIMIT $3`,
      [String(tx), String(seq), limit],
    );
    return rows.map(toRecorded);
  }

  async *subscribeToAll({ fromPosition = START, batchSize = 1000, signal }: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    await this.notifications.listen();
    const poll = this.options.pollIntervalMs ?? 500;
    let position = fromPosition;
    // After a wake-up the new events may still sit behind an older open transaction: retry
    // soon, backing off to the poll interval.
    let retryMs = poll;
    while (!signal?.aborted && !this.closed) {
      void this.notifications.listen(); // reconnects LISTEN if it dropped; polling covers the gap
      const wake = this.notifications.next();
      const batch = await this.sharedRead(position, batchSize);
      for (const e of batch) {
        if (signal?.aborted) return;
        yield e;
        position = e.position;
      }
      if (batch.length === batchSize) continue;
      if (batch.length > 0) retryMs = 2;
      let woken = false;
      // Subscribers at the same position look again at the same moment, so their reads are one.
      const lookAgain = this.sharedDelay(`${position}/${retryMs}`, retryMs);
      await waitForWake(Promise.race([wake.then(() => void (woken = true)), lookAgain]), retryMs + 1000, signal);
      retryMs = woken ? 2 : Math.min(retryMs * 2, poll);
    }
  }

  /**
   * Every projector of a process subscribes to the whole log, and a NOTIFY wakes them all at
   * the same position: one query answers all of them (subscribers only read events, never change them).
   */
  private sharedRead(fromPosition: Position, limit: number): Promise<RecordedEvent[]> {
    const key = `${fromPosition}/${limit}`;
    let read = this.reading.get(key);
    if (!read) {
      // Kept a moment after it answers: a subscriber arriving at that position just after gets
      // the same answer (a few milliseconds old; its own look-again soon after catches up).
      read = this.readAll({ fromPosition, limit });
      read.then(
        () => setTimeout(() => this.reading.delete(key), SHARED_READ_MS).unref(),
        () => this.reading.delete(key),
      );
      this.reading.set(key, read);
    }
    return read;
  }

  private sharedDelay(key: string, ms: number): Promise<void> {
    let delay = this.lookAgain.get(key);
    if (!delay) {
      delay = new Promise<void>((resolve) => setTimeout(resolve, ms).unref()).then(() => void this.lookAgain.delete(key));
      this.lookAgain.set(key, delay);
    }
    return delay;
  }

  async headPosition(): Promise<Position> {
    const { rows } = await this.query<{ tx: string; seq: string }>(
      `SELECT tx_id::text AS tx, seq FROM es_events WHERE ${this.guard} ORDER BY tx_id DESC, seq DESC LIMIT 1`,
    );
    return rows[0] ? toPosition(rows[0].tx, rows[0].seq) : START;
  }

  /** How far writes in flight hold readers back: the oldest running transaction with an id. */
  private async oldestOpenWrite(): Promise<{ pid: number; ageSeconds: number; query: string } | null> {
    const { rows } = await this.query<{ pid: number; age: number; query: string }>(
      `SELECT pid, extract(epoch FROM now() - xact_start)::float8 AS age, left(query, 200) AS query
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
       ORDER BY xact_start LIMIT 1`,
    );
    return rows[0] ? { pid: rows[0].pid, ageSeconds: rows[0].age, query: rows[0].query } : null;
  }

  /** Events a reader at `position` has still to read (up to `cap`), counted without reading them. */
  private async eventsAfter(position: Position, cap: number): Promise<{ count: number; oldestRecordedAt: Date | null }> {
    const { tx, seq } = parsePosition(position);
    const { rows } = await this.query<{ count: number; oldest: Date | null }>(
      `SELECT count(*)::int AS count, min(recorded_at) AS oldest FROM (
         SELECT recorded_at FROM es_events
         WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) AND ${this.guard}
         ORDER BY tx_id, seq LIMIT $3) behind`,
      [String(tx), String(seq), cap],
    );
    return { count: rows[0].count, oldestRecordedAt: rows[0].oldest };
  }

  /** Ends the LISTEN connection and sends the last wake-up; the pool is the caller's to end, after this. */
  async close(): Promise<void> {
    this.closed = true;
    await this.notifications.close();
  }
}
