import { randomUUID } from 'node:crypto';
import { canonicalEventBody, chainHash } from '#event-store';
import type pg from 'pg';

export interface PendingEvent {
  stream: string;
  type: string;
  data: unknown;
}

const meta = (i: number) => ({
  actor: { staffId: `staff-${i % 7}`, role: 'fund_officer' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
  schemaVersion: 1,
});

/**
 * Writes events straight into es_events in log order with their real chain hashes, `batch` per
 * transaction (the command path's own speed is the other benchmarks'): for the audit's reads.
 */
export class LogWriter {
  private readonly heads = new Map<string, { revision: bigint; hash: string }>();
  private rows: unknown[][] = [[], [], [], [], [], [], [], []];
  written = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly batch = 5_000,
  ) {}

  async add(e: PendingEvent): Promise<void> {
    const head = this.heads.get(e.stream);
    const revision = head ? head.revision + 1n : 0n;
    const prev = head?.hash ?? '';
    const id = randomUUID();
    const metadata = meta(this.written);
    const hash = chainHash(prev, e.stream, revision, canonicalEventBody({ id, type: e.type, data: e.data, metadata }));
    this.heads.set(e.stream, { revision, hash });
    [id, e.stream, String(revision), e.type, JSON.stringify(e.data), JSON.stringify(metadata), hash, prev].forEach((v, i) => this.rows[i].push(v));
    this.written++;
    if (this.rows[0].length >= this.batch) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows[0].length) return;
    await this.pool.query(
      `INSERT INTO es_events (event_id, stream_name, stream_revision, type, data, metadata, hash, prev_hash)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[])`,
      this.rows,
    );
    this.rows = [[], [], [], [], [], [], [], []];
  }
}
