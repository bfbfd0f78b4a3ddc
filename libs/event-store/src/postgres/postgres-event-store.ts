import pg from 'pg';
import { canonicalEventBody } from '../event-hash.js';
import {
  EventIdConflict,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store.port.js';
import { parsePosition, START, toPosition, type Position } from '../position.js';
import { waitForWake, Wakeup } from '../wakeup.js';
import { EVENT_STORE_SCHEMA_SQL } from './event-store-schema.js';

export interface PostgresEventStoreOptions {
  pool: pg.Pool;
  /** For the LISTEN connection; without it subscribers only poll. */
  connectionString?: string;
  /** Fallback poll interval when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * Skip the snapshot-xmin guard. ONLY for the concurrency proof, which shows that events
   * are lost without it. Never set in the application.
   */
  unsafeDisableXminGuard?: boolean;
  onListenerError?: (error: Error) => void;
}

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

export class PostgresEventStore implements EventStore {
  private readonly pool: pg.Pool;
  private readonly wakeup = new Wakeup();
  private listener?: pg.Client;
  private listening?: Promise<void>;
  private closed = false;
  private readonly guard: string;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.guard = options.unsafeDisableXminGuard ? 'true' : `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;
  }

  async appendToStream(stream: string, events: NewEvent[], { expectedRevision }: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('appendToStream needs at least one event');
    const bodies = events.map(canonicalEventBody);
    try {
      const { rows } = await this.pool.query<{ next_revision: string; tx: string; last_seq: string; replayed: boolean }>(
        'SELECT * FROM es_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])',
        [
          stream,
          String(expectedRevision),
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          bodies,
        ],
      );
      const row = rows[0];
      if (row.replayed) await this.checkReplayMatches(stream, events, bodies);
      return { nextRevision: BigInt(row.next_revision), position: toPosition(row.tx, row.last_seq) };
    } catch (error) {
      throw this.translate(error, stream, expectedRevision, events);
    }
  }

  private async checkReplayMatches(stream: string, events: NewEvent[], bodies: string[]): Promise<void> {
    const { rows } = await this.pool.query<EventRow>(`SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
    const byId = new Map(rows.map((r) => [r.event_id, toRecorded(r)]));
    events.forEach((e, i) => {
      const stored = byId.get(e.id);
      if (!stored || stored.streamName !== stream || canonicalEventBody(stored) !== bodies[i]) throw new EventIdConflict(e.id);
    });
  }

  private translate(error: unknown, stream: string, expected: ExpectedRevision, events: NewEvent[]): unknown {
    const e = error as { code?: string; detail?: string; constraint?: string };
    if (e.code === 'ESREV') return new WrongExpectedRevision(stream, expected, BigInt(e.detail ?? '-1'));
    if (e.code === 'ESDUP') return new EventIdConflict(e.detail ?? events[0].id);
    if (e.code === '23505' && e.constraint === 'es_events_event_id_key') return new EventIdConflict(events[0].id);
    return error;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE stream_name = $1 AND stream_revision >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY stream_revision`,
      [stream, String(options.fromRevision ?? 0n), options.untilRecordedAt ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll({ fromPosition = START, limit = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { tx, seq } = parsePosition(fromPosition);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) AND ${this.guard}
       ORDER BY tx_id, seq LIMIT $3`,
      [String(tx), String(seq), limit],
    );
    return rows.map(toRecorded);
  }

  async *subscribeToAll({ fromPosition = START, batchSize = 1000, signal }: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    await this.listen();
    const poll = this.options.pollIntervalMs ?? 500;
    let position = fromPosition;
    // After a wake-up the new events may still sit behind an older open transaction: retry
    // soon, backing off to the poll interval.
    let retryMs = poll;
    while (!signal?.aborted && !this.closed) {
      const wake = this.wakeup.next();
      const batch = await this.readAll({ fromPosition: position, limit: batchSize });
      for (const e of batch) {
        if (signal?.aborted) return;
        yield e;
        position = e.position;
      }
      if (batch.length === batchSize) continue;
      if (batch.length > 0) retryMs = 2;
      let woken = false;
      await waitForWake(wake.then(() => void (woken = true)), retryMs, signal);
      retryMs = woken ? 2 : Math.min(retryMs * 2, poll);
    }
  }

  async headPosition(): Promise<Position> {
    const { rows } = await this.pool.query<{ tx: string; seq: string }>(
      `SELECT tx_id::text AS tx, seq FROM es_events WHERE ${this.guard} ORDER BY tx_id DESC, seq DESC LIMIT 1`,
    );
    return rows[0] ? toPosition(rows[0].tx, rows[0].seq) : START;
  }

  /** How far writes in flight hold readers back: the oldest running transaction with an id. */
  async oldestOpenTransaction(): Promise<{ pid: number; ageSeconds: number; query: string } | null> {
    const { rows } = await this.pool.query<{ pid: number; age: number; query: string }>(
      `SELECT pid, extract(epoch FROM now() - xact_start)::float8 AS age, left(query, 200) AS query
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
       ORDER BY xact_start LIMIT 1`,
    );
    return rows[0] ? { pid: rows[0].pid, ageSeconds: rows[0].age, query: rows[0].query } : null;
  }

  private listen(): Promise<void> {
    if (!this.options.connectionString || this.closed) return Promise.resolve();
    this.listening ??= this.connectListener().catch((error: Error) => {
      this.options.onListenerError?.(error);
      this.listening = undefined;
    });
    return this.listening;
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', () => this.wakeup.wake());
    client.on('error', (error) => {
      this.options.onListenerError?.(error);
      this.listener = undefined;
      this.listening = undefined;
      // Polling carries on; the next subscriber loop reconnects.
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query('LISTEN es_appended');
    this.listener = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeup.wake();
    await this.listening;
    await this.listener?.end().catch(() => undefined);
  }
}
