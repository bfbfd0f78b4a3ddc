/**
 * `npm run bench:audit`: the auditor's two heavy reads on a real PostgreSQL.
 *
 *   1. as-of replay of an aid fund with 100,000 events (income, corrections, disbursements
 *      requested, approved, paid, rejected, cancelled; its events read in batches, each
 *      re-hashed and re-chained, folded by the domain's own decider, its invariants
 *      re-checked), from the first event and from signed snapshots, now and as of moments
 *      spread over its history; goal under 1 s. Each figure also as a ratio to a baseline
 *      measured in the same run: reading the fund's rows and nothing else;
 *   2. `audit:verify` over the whole log of BENCH_EVENTS events (default 1,000,000: the fund
 *      above plus events spread over 10,000 other streams): every hash, every chain, every
 *      anchored leaf, the Merkle tree and the signed checkpoint's root, in events/s; and the
 *      first checkpoint's anchoring of all of them.
 *
 * The events are written straight into es_events with their real chain hashes (the command
 * path's own speed is bench:aid's). Postgres as in bench:event-store (DATABASE_URL's server,
 * else an embedded one, both thrown away). BENCH_EVENTS scales part 2 (at least the fund's);
 * BENCH_REPLAY_EVENTS the fund; BENCH_SNAPSHOT_EVERY the snapshots' interval (default 5,000,
 * as AUDIT_SNAPSHOT_EVERY).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AuditLog, auditedAidFund, replayAsOf, type ReplayOptions } from '#audit';
import { runMigrations } from '#platform';
import pg from 'pg';
import { fundHistory } from './support/fund-history.js';
import { LogWriter } from './support/log-writer.js';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';

const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000);
const TOTAL_EVENTS = Math.max(Number(process.env.BENCH_EVENTS ?? 1_000_000), REPLAY_EVENTS);
const SNAPSHOT_EVERY = Number(process.env.BENCH_SNAPSHOT_EVERY ?? 5_000);
const OTHER_STREAMS = 10_000;
const RUNS = 3;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, (performance.now() - t0) / 1000];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await runBenchmark(`bench:audit: as-of replay of a ${fmt(REPLAY_EVENTS)}-event aid fund; audit:verify over ${fmt(TOTAL_EVENTS)} events`, async (db) => {
  await runMigrations(db.url);
  await printMachine(db, 'one process, the benchmark alone');
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const fundId = randomUUID();
    const stream = auditedAidFund.streamOf(fundId);
    const writer = new LogWriter(pool);
    const [, seedSeconds] = await timed(async () => {
      // The fund's events interleave with the rest of the log, as they would over five years.
      const others = TOTAL_EVENTS - REPLAY_EVENTS;
      const every = others / Math.max(1, REPLAY_EVENTS - 1);
      let other = 0;
      let i = 0;
      for (const e of fundHistory(fundId, REPLAY_EVENTS)) {
        for (const stop = Math.round(i++ * every); other < stop; other++) await writer.add({ stream: `bench-fund-${other % OTHER_STREAMS}`, type: 'Donated', data: { amountFen: 100 + (other % 997), donor: `捐赠人${other % 101}` } });
        await writer.add({ stream, ...e });
      }
      for (; other < others; other++) await writer.add({ stream: `bench-fund-${other % OTHER_STREAMS}`, type: 'Donated', data: { amountFen: 100 + (other % 997), donor: `捐赠人${other % 101}` } });
      await writer.flush();
    });
    await pool.query('VACUUM ANALYZE es_events');
    console.log(`seeded ${fmt(writer.written)} events (${fmt(writer.written / seedSeconds)} events/s, straight into es_events)\n`);

    // 1. As-of replay.
    const positionAt = async (revision: number) =>
      (await pool.query<{ p: string }>(`SELECT tx_id::text || ':' || seq AS p FROM es_events WHERE stream_name = $1 AND stream_revision = $2`, [stream, revision])).rows[0].p;
    // Moments spread over the history, each further past its snapshot: from none to every−1 events to fold after it.
    const within = (r: number) => Math.max(0, Math.min(REPLAY_EVENTS - 1, r));
    const step = Math.floor(REPLAY_EVENTS / 10);
    const moments = await Promise.all(Array.from({ length: 10 }, (_, k) => positionAt(within(k * step + SNAPSHOT_EVERY - 1 + Math.round((k * (SNAPSHOT_EVERY - 1)) / 9)))));
    const middle = await positionAt(within(Math.floor(REPLAY_EVENTS / 2) + Math.floor((SNAPSHOT_EVERY * 4) / 5)));
    const key = generateKeyPairSync('ed25519').privateKey;
    const plain: ReplayOptions = {};
    const fromSnapshots: ReplayOptions = { snapshots: { key, every: SNAPSHOT_EVERY } };

    const rows: string[][] = [];
    let baseline = NaN;
    const measure = async (label: string, run: (i: number) => Promise<{ folded: number; ok: boolean; from: string }>, runs = RUNS) => {
      const seconds: number[] = [];
      let last = { folded: 0, ok: false, from: '' };
      for (let i = 0; i < runs; i++) {
        const [r, s] = await timed(() => run(i));
        seconds.push(s);
        last = r;
      }
      const m = median(seconds);
      if (Number.isNaN(baseline)) baseline = m;
      rows.push([label, fmt(last.folded), last.from, fmt(Math.min(...seconds), 3), fmt(m, 3), fmt(Math.max(...seconds), 3), `${fmt(m / baseline, 2)}x`, last.ok ? 'yes' : 'NO', m < 1 ? 'met' : 'MISSED']);
      return m;
    };
    const replay = async (asOf: string | undefined, options: ReplayOptions) => {
      const r = (await replayAsOf(pool, auditedAidFund, fundId, asOf, options))!;
      return { folded: r.eventsFolded, ok: r.chain.intact && r.allHeld && r.snapshotsRejected.length === 0, from: r.snapshot ? `snapshot #${r.snapshot.revision}` : 'first event' };
    };

    await measure('baseline: read the fund’s rows (the columns a replay needs), nothing else', async () => {
      const { rows: r } = await pool.query({
        text: `SELECT tx_id::text, seq::text, event_id::text, stream_revision::text AS r, type, data::text, recorded_at::text, hash, prev_hash, metadata::text FROM es_events WHERE stream_name = $1 ORDER BY stream_revision`,
        values: [stream],
        rowMode: 'array',
      });
      return { folded: r.length, ok: true, from: '-' };
    });
    await measure('now, no snapshots (read, re-hash and re-chain, fold, invariants)', () => replay(undefined, plain));
    await measure('now, no snapshots, fold only (no re-hash)', () => replay(undefined, { checkChain: false }));
    const [built, buildSeconds] = await timed(() => replayAsOf(pool, auditedAidFund, fundId, undefined, { snapshots: { key, every: SNAPSHOT_EVERY, take: 'all' } }));
    const { rows: size } = await pool.query<{ n: string; bytes: string }>(`SELECT count(*)::text AS n, pg_size_pretty(pg_total_relation_size('audit_snapshots')) AS bytes FROM audit_snapshots`);
    await measure('now, from the latest snapshot', () => replay(undefined, fromSnapshots));
    await measure('as of the middle (a position), from a snapshot', () => replay(middle, fromSnapshots));
    await measure('as of 10 moments spread over the history, 0 to every−1 events past a snapshot (one each run)', (i) => replay(moments[i], fromSnapshots), moments.length);

    console.log(`1. as-of replay of one aid fund (${fmt(REPLAY_EVENTS)} events; ${RUNS} runs each, the moments 10); ratio: median to the baseline's median`);
    console.log(table(['replay', 'events folded', 'started from', 'best s', 'median s', 'worst s', 'ratio', 'chain + invariants held', 'goal < 1 s'], rows));
    console.log(
      `\nsnapshots every ${fmt(SNAPSHOT_EVERY)} events: built by one replay taking them all in ${fmt(buildSeconds, 1)} s (${fmt(built!.snapshotsTaken)} taken); ` +
        `the table holds ${size[0].n} (${size[0].bytes}, the state's JSON, deflated)\n`,
    );

    // 2. Checkpoint (anchoring everything) and verification of the whole log.
    const audit = new AuditLog(pool);
    const [cp, anchorSeconds] = await timed(() => audit.checkpoint(key, new Date(), 'system'));
    let lastProgress = 0;
    const [report, verifySeconds] = await timed(() => audit.verify({ progressEvery: 100_000, onProgress: (n) => (lastProgress = n) }));
    console.log(`2. the whole log: ${fmt(TOTAL_EVENTS)} events in ${fmt(OTHER_STREAMS + 1)} streams`);
    console.log(
      table(
        ['step', 'events', 'seconds', 'events/s', 'result'],
        [
          ['first checkpoint (re-hash, anchor every leaf, sign)', fmt(cp!.checkpoint.size), fmt(anchorSeconds, 1), fmt(cp!.checkpoint.size / anchorSeconds), `root ${cp!.checkpoint.rootHash.slice(0, 16)}…`],
          ['audit:verify (hashes, chains, anchors, tree, signature)', fmt(report.eventsChecked), fmt(verifySeconds, 1), fmt(report.eventsChecked / verifySeconds), report.ok ? 'intact' : `NOT INTACT: ${report.problems[0]?.message.en}`],
        ],
      ),
    );
    if (lastProgress === 0 && TOTAL_EVENTS >= 100_000) console.log('(no progress reported: check the progress callback)');
  } finally {
    await pool.end();
  }
});
