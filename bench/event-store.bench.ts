/**
 * `npm run bench:event-store`: how fast the Postgres event store appends and catches up,
 * measured beside what Postgres itself allows on the same machine in the same run.
 *
 * - appends with 1 and 8 writers, 1 and 10 events each, against plain INSERTs of the same rows
 *   into a bare table (one prepared statement per transaction, like the store's): the ratio is
 *   what the store costs over the rows themselves;
 * - how soon a live subscriber in another store sees an append (the NOTIFY path);
 * - a subscriber catching up from the start over 100,000 stored events.
 *
 * Postgres: DATABASE_URL's server when set (a fresh `bench_<random>` database, dropped at the
 * end), else an embedded PostgreSQL in a throwaway folder under .data/bench-* (removed at the
 * end). Optional: BENCH_SECONDS (measured seconds per load scenario, default 6),
 * BENCH_CATCHUP_EVENTS (default 100000).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { installPostgresEventStore, PostgresEventStore, START, type ExpectedRevision, type NewEvent } from '#event-store';
import { fmt, percentile, printMachine, runBenchmark, table } from './support/report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP_SECONDS = 1;
const CATCHUP_EVENTS = Number(process.env.BENCH_CATCHUP_EVENTS ?? 100_000);
const STREAMS_PER_WRITER = 50;
const GOAL_RATIO = 0.7;
const GOAL_CATCHUP = 20_000;
const WAKE_UP_SECONDS = 3;

// ---------------------------------------------------------------------------------------------
// Event-shaped rows

function newEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'WageClaimRecorded',
    data: {
      caseId: `case-${i}`,
      title: '拖欠工资纠纷 — 某建筑公司',
      claimant: { name: '张三', residentId: '110101199003074514' },
      amountFen: 24_320_000 + i,
      note: 'Twelve migrant workers, three months unpaid; mediation requested by the branch.',
    },
    metadata: {
      actor: { staffId: 'staff-17', role: 'mediator' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

const PLAIN_TABLE_SQL = `
CREATE TABLE bench_plain (
  event_id        uuid PRIMARY KEY,
  stream_name     text NOT NULL,
  stream_revision bigint NOT NULL,
  type            text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  hash            text NOT NULL
)`;

// ---------------------------------------------------------------------------------------------
// Load runner

interface LoadResult {
  ops: number;
  events: number;
  seconds: number;
  /** Milliseconds per call, sorted. */
  latencies: Float64Array;
}

/** `clients` loops call `op` for warm-up + `seconds`; only the calls started after warm-up count. */
async function runLoad(clients: number, seconds: number, op: (client: number, i: number) => Promise<number>): Promise<LoadResult> {
  const t0 = performance.now();
  const measureFrom = t0 + WARMUP_SECONDS * 1000;
  const end = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let events = 0;
  let lastDone = measureFrom;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; ; i++) {
        const start = performance.now();
        if (start >= end) break;
        const n = await op(c, i);
        const done = performance.now();
        if (start >= measureFrom) {
          latencies.push(done - start);
          events += n;
          if (done > lastDone) lastDone = done;
        }
      }
    }),
  );
  return { ops: latencies.length, events, seconds: (lastDone - measureFrom) / 1000, latencies: Float64Array.from(latencies).sort() };
}

function combine(a: LoadResult, b: LoadResult): LoadResult {
  const latencies = new Float64Array(a.latencies.length + b.latencies.length);
  latencies.set(a.latencies);
  latencies.set(b.latencies, a.latencies.length);
  return { ops: a.ops + b.ops, events: a.events + b.events, seconds: a.seconds + b.seconds, latencies: latencies.sort() };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

function newPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined); // an idle connection closed under it; the next query reconnects
  return pool;
}

async function plainScenario(url: string, clients: number, rowsPerTxn: number, label: string, seconds: number): Promise<LoadResult> {
  const pool = newPool(url, clients);
  try {
    // Prepared once per connection, as the store's own statements are.
    const statement =
      rowsPerTxn === 1
        ? {
            name: 'bench_plain_1',
            text: 'INSERT INTO bench_plain (event_id, stream_name, stream_revision, type, data, metadata, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          }
        : {
            name: 'bench_plain_n',
            text: `INSERT INTO bench_plain (event_id, stream_name, stream_revision, type, data, metadata, hash)
                   SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])`,
          };
    const revisions = Array.from({ length: clients }, () => new Map<number, number>());
    return await runLoad(clients, seconds, async (c, i) => {
      const k = i % STREAMS_PER_WRITER;
      const stream = `${label}-w${c}-s${k}`;
      const rev = revisions[c].get(k) ?? 0;
      revisions[c].set(k, rev + rowsPerTxn);
      const events = Array.from({ length: rowsPerTxn }, (_, j) => newEvent(i * rowsPerTxn + j));
      const hashes = events.map(() => randomBytes(32).toString('hex'));
      if (rowsPerTxn === 1) {
        const e = events[0];
        await pool.query({ ...statement, values: [e.id, stream, rev, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), hashes[0]] });
      } else {
        await pool.query({
          ...statement,
          values: [
            events.map((e) => e.id),
            events.map(() => stream),
            events.map((_, j) => rev + j),
            events.map((e) => e.type),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify(e.metadata)),
            hashes,
          ],
        });
      }
      return rowsPerTxn;
    });
  } finally {
    await pool.end();
  }
}

async function storeScenario(url: string, clients: number, eventsPerAppend: number, label: string, seconds: number): Promise<LoadResult> {
  const pool = newPool(url, clients);
  const store = new PostgresEventStore({ pool, connectionString: url });
  try {
    const revisions = Array.from({ length: clients }, () => new Map<number, bigint>());
    return await runLoad(clients, seconds, async (c, i) => {
      const k = i % STREAMS_PER_WRITER;
      const expectedRevision: ExpectedRevision = revisions[c].get(k) ?? 'no_stream';
      const events = Array.from({ length: eventsPerAppend }, (_, j) => newEvent(i * eventsPerAppend + j));
      const r = await store.appendToStream(`${label}-w${c}-s${k}`, events, { expectedRevision });
      revisions[c].set(k, r.nextRevision);
      return eventsPerAppend;
    });
  } finally {
    await store.close();
    await pool.end();
  }
}

interface CatchUpResult {
  seedEvents: number;
  seedSeconds: number;
  events: number;
  seconds: number;
}

async function catchUpScenario(url: string): Promise<CatchUpResult> {
  const writers = 4;
  const batch = 500;
  const pool = newPool(url, writers + 2);
  const store = new PostgresEventStore({ pool, connectionString: url });
  try {
    const seedStart = performance.now();
    let next = 0;
    const appendsNeeded = Math.ceil(CATCHUP_EVENTS / batch);
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let rev: ExpectedRevision = 'no_stream';
        for (let a = next++, mine = 0; a < appendsNeeded; a = next++, mine++) {
          // A new stream every 10 appends: 5,000-event streams, like long-lived case files.
          if (mine % 10 === 0) rev = 'no_stream';
          const size = Math.min(batch, CATCHUP_EVENTS - a * batch);
          const events = Array.from({ length: size }, (_, j) => newEvent(a * batch + j));
          const r = await store.appendToStream(`seed-w${w}-s${Math.floor(mine / 10)}`, events, { expectedRevision: rev });
          rev = r.nextRevision;
        }
      }),
    );
    const seedSeconds = (performance.now() - seedStart) / 1000;
    await pool.query('VACUUM ANALYZE es_events');

    const reader = new PostgresEventStore({ pool, connectionString: url });
    const controller = new AbortController();
    let events = 0;
    const start = performance.now();
    for await (const e of reader.subscribeToAll({ fromPosition: START, signal: controller.signal })) {
      if (e.streamRevision < 0n) throw new Error('impossible');
      events += 1;
      if (events >= CATCHUP_EVENTS) break;
    }
    const seconds = (performance.now() - start) / 1000;
    controller.abort();
    await reader.close();
    return { seedEvents: CATCHUP_EVENTS, seedSeconds, events, seconds };
  } finally {
    await store.close();
    await pool.end();
  }
}

/**
 * How soon a live subscriber sees an append made elsewhere: writer and subscriber each have a
 * store and pool of their own, as two processes would, so the wake-up travels by NOTIFY.
 */
async function wakeUpScenario(url: string): Promise<{ events: number; latencies: Float64Array }> {
  const writerPool = newPool(url, 2);
  const readerPool = newPool(url, 2);
  const writer = new PostgresEventStore({ pool: writerPool, connectionString: url });
  const reader = new PostgresEventStore({ pool: readerPool, connectionString: url });
  const controller = new AbortController();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  try {
    const from = await reader.headPosition();
    const subscribed = (async () => {
      for await (const e of reader.subscribeToAll({ fromPosition: from, signal: controller.signal })) {
        const t = sentAt.get(e.id);
        if (t !== undefined) latencies.push(performance.now() - t);
      }
    })();
    await new Promise((r) => setTimeout(r, 300)); // the subscriber is listening and idle
    let revision: ExpectedRevision = 'no_stream';
    const end = performance.now() + WAKE_UP_SECONDS * 1000;
    for (let i = 0; performance.now() < end; i++) {
      const event = newEvent(i);
      sentAt.set(event.id, performance.now());
      revision = (await writer.appendToStream('wake-up', [event], { expectedRevision: revision })).nextRevision;
      await new Promise((r) => setTimeout(r, 10 + (i % 7))); // about 60 appends/s, unevenly spaced
    }
    const deadline = performance.now() + 2000;
    while (latencies.length < sentAt.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await subscribed;
    if (latencies.length < sentAt.size) throw new Error(`the live subscriber saw ${latencies.length} of ${sentAt.size} events`);
    return { events: latencies.length, latencies: Float64Array.from(latencies).sort() };
  } finally {
    controller.abort();
    await reader.close();
    await writer.close();
    await readerPool.end();
    await writerPool.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

await runBenchmark('event store benchmark: starting Postgres...', async (db) => {
  const info = new pg.Client({ connectionString: db.url });
  await info.connect();
  await installPostgresEventStore(info);
  await info.query(PLAIN_TABLE_SQL);
  await info.end();
  await printMachine(db, `${SECONDS}s measured per scenario (two halves, each after ${WARMUP_SECONDS}s warm-up)`);

  interface Row {
    what: string;
    clients: number;
    perTxn: number;
    r: LoadResult;
    ratio?: number;
  }
  const rows: Row[] = [];
  const half = SECONDS / 2;
  for (const clients of [1, 8]) {
    for (const perTxn of [1, 10]) {
      // Each pair runs plain, store, store, plain: a noisy neighbour or a slow drift (the
      // tables grow, checkpoints come) then weighs on both sides about alike.
      process.stdout.write(`  ${clients} client(s), ${perTxn} row(s) per transaction: plain INSERT / store append...`);
      const plainA = await plainScenario(db.url, clients, perTxn, `p${clients}x${perTxn}a`, half);
      const storeA = await storeScenario(db.url, clients, perTxn, `s${clients}x${perTxn}a`, half);
      const storeB = await storeScenario(db.url, clients, perTxn, `s${clients}x${perTxn}b`, half);
      const plainB = await plainScenario(db.url, clients, perTxn, `p${clients}x${perTxn}b`, half);
      const plain = combine(plainA, plainB);
      const store = combine(storeA, storeB);
      const ratio = store.ops / store.seconds / (plain.ops / plain.seconds);
      process.stdout.write(` ${fmt(plain.ops / plain.seconds)} / ${fmt(store.ops / store.seconds)} per second\n`);
      rows.push({ what: `plain INSERT, ${perTxn} row${perTxn > 1 ? 's' : ''}/txn`, clients, perTxn, r: plain });
      rows.push({ what: `store append, ${perTxn} event${perTxn > 1 ? 's' : ''}/append`, clients, perTxn, r: store, ratio });
    }
  }
  process.stdout.write(`  a live subscriber in another store, ${WAKE_UP_SECONDS}s of appends...`);
  const wakeUp = await wakeUpScenario(db.url);
  process.stdout.write(' done\n');
  process.stdout.write(`  seeding ${fmt(CATCHUP_EVENTS)} events and catching up...`);
  const catchUp = await catchUpScenario(db.url);
  process.stdout.write(' done\n\n');

  console.log('appends (each writer on its own 50 streams, exact expected revision; plain = bare table with a uuid key,');
  console.log('one prepared statement per transaction; latency per call)');
  console.log(
    table(
      ['scenario', 'clients', 'txn/s', 'events/s', 'p50 ms', 'p99 ms', 'store/plain'],
      rows.map((row) => [
        row.what,
        String(row.clients),
        fmt(row.r.ops / row.r.seconds),
        fmt(row.r.events / row.r.seconds),
        fmt(percentile(row.r.latencies, 0.5), 2),
        fmt(percentile(row.r.latencies, 0.99), 2),
        row.ratio === undefined ? '' : `${fmt(row.ratio * 100)}%`,
      ]),
    ),
  );
  console.log('');
  const catchUpRate = catchUp.events / catchUp.seconds;
  console.log('catch-up');
  console.log(
    table(
      ['what', 'events', 'seconds', 'events/s'],
      [
        ['seed: 4 writers, 500-event appends', fmt(catchUp.seedEvents), fmt(catchUp.seedSeconds, 2), fmt(catchUp.seedEvents / catchUp.seedSeconds)],
        ['subscribeToAll from START (default batch)', fmt(catchUp.events), fmt(catchUp.seconds, 2), fmt(catchUpRate)],
      ],
    ),
  );
  console.log('');
  console.log('live subscriber (append in one store, delivery by subscribeToAll in another)');
  console.log(
    table(
      ['events', 'p50 ms', 'p99 ms', 'max ms'],
      [[fmt(wakeUp.events), fmt(percentile(wakeUp.latencies, 0.5), 2), fmt(percentile(wakeUp.latencies, 0.99), 2), fmt(wakeUp.latencies[wakeUp.latencies.length - 1], 2)]],
    ),
  );
  console.log('');
  const goal = rows.find((r) => r.clients === 8 && r.perTxn === 1 && r.ratio !== undefined)!;
  console.log('goals');
  console.log(`  8 writers, 1-event appends >= ${GOAL_RATIO * 100}% of plain INSERT: ${fmt(goal.ratio! * 100)}%  ${goal.ratio! >= GOAL_RATIO ? 'MET' : 'NOT MET'}`);
  console.log(`  catch-up >= ${fmt(GOAL_CATCHUP)} events/s: ${fmt(catchUpRate)}  ${catchUpRate >= GOAL_CATCHUP ? 'MET' : 'NOT MET'}`);
});
