/**
 * `npm run bench:event-store`: how fast the Postgres event store appends and catches up,
 * measured beside what Postgres itself allows on the same machine in the same run.
 *
 * Postgres: DATABASE_URL's server when set (a fresh `bench_<random>` database, dropped at the
 * end), else an embedded PostgreSQL in a throwaway folder under .data/bench-* (removed at the
 * end). Optional: BENCH_SECONDS (measured seconds per load scenario, default 5),
 * BENCH_CATCHUP_EVENTS (default 100000).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem, availableParallelism } from 'node:os';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { installPostgresEventStore, PostgresEventStore, START, type ExpectedRevision, type NewEvent } from '#event-store';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../libs/read-models/src/database/embedded-postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const CATCHUP_EVENTS = Number(process.env.BENCH_CATCHUP_EVENTS ?? 100_000);
const STREAMS_PER_WRITER = 50;
const GOAL_RATIO = 0.7;
const GOAL_CATCHUP = 20_000;

// ---------------------------------------------------------------------------------------------
// Where Postgres comes from

interface BenchDatabase {
  url: string;
  kind: string;
  cleanup(): Promise<void>;
}

async function openDatabase(): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  };
  try {
    let adminUrl: string;
    let kind: string;
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL;
      kind = `server (DATABASE_URL ${redact(adminUrl)})`;
    } else {
      await mkdir('.data', { recursive: true });
      const dataDir = resolve(await mkdtemp(join('.data', 'bench-')));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir });
      cleanups.push(() => embedded.stop());
      adminUrl = embedded.adminUrl;
      kind = `embedded (embedded-postgres, data in ${dataDir})`;
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), kind, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable)';
  }
}

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
  p50: number;
  p99: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** `clients` loops call `op` for WARMUP + SECONDS; only the calls started after warm-up count. */
async function runLoad(clients: number, op: (client: number, i: number) => Promise<number>): Promise<LoadResult> {
  const t0 = performance.now();
  const measureFrom = t0 + WARMUP_SECONDS * 1000;
  const end = measureFrom + SECONDS * 1000;
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
  const sorted = Float64Array.from(latencies).sort();
  return { ops: latencies.length, events, seconds: (lastDone - measureFrom) / 1000, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async function plainScenario(url: string, clients: number, rowsPerTxn: number, label: string): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  try {
    const sql =
      rowsPerTxn === 1
        ? 'INSERT INTO bench_plain (event_id, stream_name, stream_revision, type, data, metadata, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)'
        : `INSERT INTO bench_plain (event_id, stream_name, stream_revision, type, data, metadata, hash)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[])`;
    const revisions = Array.from({ length: clients }, () => new Map<number, number>());
    return await runLoad(clients, async (c, i) => {
      const k = i % STREAMS_PER_WRITER;
      const stream = `${label}-w${c}-s${k}`;
      const rev = revisions[c].get(k) ?? 0;
      revisions[c].set(k, rev + rowsPerTxn);
      const events = Array.from({ length: rowsPerTxn }, (_, j) => newEvent(i * rowsPerTxn + j));
      const hashes = events.map(() => randomBytes(32).toString('hex'));
      if (rowsPerTxn === 1) {
        const e = events[0];
        await pool.query(sql, [e.id, stream, rev, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), hashes[0]]);
      } else {
        await pool.query(sql, [
          events.map((e) => e.id),
          events.map(() => stream),
          events.map((_, j) => rev + j),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          hashes,
        ]);
      }
      return rowsPerTxn;
    });
  } finally {
    await pool.end();
  }
}

async function storeScenario(url: string, clients: number, eventsPerAppend: number, label: string): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const store = new PostgresEventStore({ pool, connectionString: url });
  try {
    const revisions = Array.from({ length: clients }, () => new Map<number, bigint>());
    return await runLoad(clients, async (c, i) => {
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
  const pool = new pg.Pool({ connectionString: url, max: writers + 2 });
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

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-');

function table(headers: string[], rows: string[][], rightAlignFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const runStart = performance.now();
  console.log('event store benchmark: starting Postgres...');
  const db = await openDatabase();
  let failed = false;
  try {
    const info = new pg.Client({ connectionString: db.url });
    await info.connect();
    const version = (await info.query<{ v: string }>('select version() AS v')).rows[0].v;
    const settings = (
      await info.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'wal_level') ORDER BY name`,
      )
    ).rows
      .map((r) => `${r.name}=${r.setting}${r.unit && r.name === 'shared_buffers' ? `x${r.unit}` : ''}`)
      .join(' ');
    await installPostgresEventStore(info);
    await info.query(PLAIN_TABLE_SQL);
    await info.end();

    const cpu = cpus();
    console.log('');
    console.log('machine');
    console.log(`  CPU       ${cpu[0]?.model ?? 'unknown'} (${cpu.length} cores, ${availableParallelism()} available to Node)`);
    console.log(`  RAM       ${fmt(totalmem() / 2 ** 30, 1)} GiB`);
    console.log(`  Node      ${process.version}`);
    console.log(`  Postgres  ${version}`);
    console.log(`  which     ${db.kind}`);
    console.log(`  settings  ${settings}`);
    console.log(`  load      ${SECONDS}s measured per scenario after ${WARMUP_SECONDS}s warm-up; fresh database ${new URL(db.url).pathname.slice(1)}`);
    console.log('');

    interface Row {
      what: string;
      clients: number;
      perTxn: number;
      r: LoadResult;
      ratio?: number;
    }
    const rows: Row[] = [];
    for (const clients of [1, 8]) {
      for (const perTxn of [1, 10]) {
        // Each pair runs back to back, so a noisy neighbour hits both about alike.
        process.stdout.write(`  running plain INSERT, ${clients} client(s), ${perTxn} row(s)/txn...`);
        const plain = await plainScenario(db.url, clients, perTxn, `p${clients}x${perTxn}`);
        process.stdout.write(` ${fmt(plain.ops / plain.seconds)} txn/s\n`);
        process.stdout.write(`  running store append, ${clients} writer(s), ${perTxn} event(s)/append...`);
        const store = await storeScenario(db.url, clients, perTxn, `s${clients}x${perTxn}`);
        process.stdout.write(` ${fmt(store.ops / store.seconds)} appends/s\n`);
        const ratio = store.ops / store.seconds / (plain.ops / plain.seconds);
        rows.push({ what: `plain INSERT, ${perTxn} row${perTxn > 1 ? 's' : ''}/txn`, clients, perTxn, r: plain });
        rows.push({ what: `store append, ${perTxn} event${perTxn > 1 ? 's' : ''}/append`, clients, perTxn, r: store, ratio });
      }
    }
    process.stdout.write(`  seeding ${fmt(CATCHUP_EVENTS)} events and catching up...`);
    const catchUp = await catchUpScenario(db.url);
    process.stdout.write(' done\n\n');

    console.log('appends (each writer on its own 50 streams, exact expected revision; plain = bare table, one statement per transaction)');
    console.log(
      table(
        ['scenario', 'clients', 'txn/s', 'events/s', 'p50 ms', 'p99 ms', 'store/plain'],
        rows.map((row) => [
          row.what,
          String(row.clients),
          fmt(row.r.ops / row.r.seconds),
          fmt(row.r.events / row.r.seconds),
          fmt(row.r.p50, 2),
          fmt(row.r.p99, 2),
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
    const goal = rows.find((r) => r.clients === 8 && r.perTxn === 1 && r.ratio !== undefined)!;
    console.log('goals');
    console.log(`  8 writers, 1-event appends >= ${GOAL_RATIO * 100}% of plain INSERT: ${fmt(goal.ratio! * 100)}%  ${goal.ratio! >= GOAL_RATIO ? 'MET' : 'NOT MET'}`);
    console.log(`  catch-up >= ${fmt(GOAL_CATCHUP)} events/s: ${fmt(catchUpRate)}  ${catchUpRate >= GOAL_CATCHUP ? 'MET' : 'NOT MET'}`);
  } catch (error) {
    failed = true;
    console.error('\nbenchmark failed:', error);
  } finally {
    await db.cleanup();
  }
  console.log(`\ntotal ${fmt((performance.now() - runStart) / 1000, 1)}s`);
  process.exitCode = failed ? 1 : 0;
}

await main();
