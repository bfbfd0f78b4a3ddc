import pg from 'pg';
import { installPostgresEventStore, PostgresEventStore, WrongExpectedRevision, type RecordedEvent } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { anEvent } from './event-store.contract.js';

/**
 * The proof that the Postgres store never loses, skips or doubles an event: 16 writers on
 * shared and private streams, a live subscriber started before them, 20,000+ events.
 * ES_PROOF_WITHOUT_GUARD=1 runs the same test without the snapshot-xmin guard; it then fails,
 * which shows the guard is what keeps late commits from being skipped.
 */
const WRITERS = 16;
const TARGET_EVENTS = 20_000;
const SHARED_STREAMS = 8;
const withoutGuard = process.env.ES_PROOF_WITHOUT_GUARD === '1';

describe('Postgres event store under concurrent writers', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es_proof');
    pool = new pg.Pool({ connectionString: db.url, max: WRITERS + 4 });
    pool.on('error', () => undefined); // the database drop may end a connection pool.end() is still closing
    await installPostgresEventStore(pool);
    store = new PostgresEventStore({ pool, connectionString: db.url, pollIntervalMs: 50, unsafeDisableXminGuard: withoutGuard });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await db.drop();
  });

  it('delivers every committed event exactly once, in each stream’s order, and turns every race into WrongExpectedRevision', async () => {
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const committed = new Map<string, string>(); // event id -> stream
    let done = false;
    const subscriber = (async () => {
      for await (const e of store.subscribeToAll({ signal: controller.signal, batchSize: 500 })) {
        seen.push(e);
        if (done && seen.length >= committed.size) break;
      }
    })();

    let conflicts = 0;
    const unexpected: unknown[] = [];
    let appended = 0;
    const writer = async (w: number) => {
      const known = new Map<string, bigint>();
      let i = 0;
      while (appended < TARGET_EVENTS) {
        i += 1;
        const stream = i % 2 === 0 ? `shared-${(w + i) % SHARED_STREAMS}` : `private-${w}-${i % 5}`;
        const events = Array.from({ length: 1 + (i % 3) }, () => anEvent('Proved', { w, i }));
        const expected = known.get(stream) ?? ('no_stream' as const);
        try {
          const r = await store.appendToStream(stream, events, { expectedRevision: expected });
          known.set(stream, r.nextRevision);
          for (const e of events) committed.set(e.id, stream);
          appended += events.length;
        } catch (error) {
          if (error instanceof WrongExpectedRevision) {
            conflicts += 1;
            known.set(stream, error.actual);
          } else unexpected.push(error);
          if (unexpected.length > 10) return;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const writeSeconds = (Date.now() - started) / 1000;
    done = true;

    const deadline = Date.now() + 60_000;
    while (seen.length < committed.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Anything delivered late (or twice) would show up here.
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await subscriber;

    console.log(`${committed.size} events by ${WRITERS} writers in ${writeSeconds}s, ${conflicts} conflicts; subscriber saw ${seen.length}`);
    expect(unexpected).toEqual([]);
    expect(committed.size).toBeGreaterThanOrEqual(TARGET_EVENTS);
    expect(conflicts).toBeGreaterThan(0);

    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length); // nothing twice
    const seenIds = new Set(ids);
    const missing = [...committed.keys()].filter((id) => !seenIds.has(id));
    expect(missing.length).toBe(0); // nothing skipped
    expect(seen.length).toBe(committed.size);

    // Each stream arrives as 0, 1, 2, ... with no gap: no lost update, no reordering.
    const next = new Map<string, bigint>();
    for (const e of seen) {
      const expectedRevision = next.get(e.streamName) ?? 0n;
      expect(e.streamRevision).toBe(expectedRevision);
      next.set(e.streamName, expectedRevision + 1n);
    }
    const byStream = new Map<string, number>();
    for (const stream of committed.values()) byStream.set(stream, (byStream.get(stream) ?? 0) + 1);
    for (const [stream, count] of byStream) expect(next.get(stream)).toBe(BigInt(count));
  });
});
