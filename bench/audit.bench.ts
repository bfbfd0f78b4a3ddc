/**
 * `npm run bench:audit`: the auditor's two heavy reads on a real PostgreSQL.
 *
 *   1. as-of replay of one record with 100,000 events (a dispute case: its events read in
 *      batches, each re-hashed and re-chained, folded by the domain's own decider, its
 *      invariants re-checked), now and as of the middle of its history; goal under 1 s;
 *   2. `audit:verify` over the whole log of BENCH_EVENTS events (default 1,000,000: the case
 *      above plus events spread over 10,000 other streams): every hash, every chain, every
 *      anchored leaf, the Merkle tree and the signed checkpoint's root, in events/s; and the
 *      first checkpoint's anchoring of all of them.
 *
 * The events are written straight into es_events with their real chain hashes (the command
 * path's own speed is bench:disputes'). Postgres as in bench:event-store (DATABASE_URL's
 * server, else an embedded one, both thrown away). BENCH_EVENTS scales part 2 (at least
 * 100,000); BENCH_REPLAY_EVENTS part 1.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AuditLog, auditedDisputeCase, replayAsOf } from '#audit';
import { canonicalEventBody, chainHash } from '#event-store';
import { runMigrations } from '#platform';
import pg from 'pg';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';

const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000);
const TOTAL_EVENTS = Math.max(Number(process.env.BENCH_EVENTS ?? 1_000_000), REPLAY_EVENTS);
const OTHER_STREAMS = 10_000;
const BATCH = 5_000;

const meta = (i: number) => ({ actor: { staffId: `staff-${i % 7}`, role: 'mediator' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(), schemaVersion: 1 });

interface Pending {
  stream: string;
  type: string;
  data: unknown;
}

/** Writes events in log order with their real chain hashes, BATCH per transaction. */
class Writer {
  private readonly heads = new Map<string, { revision: bigint; hash: string }>();
  private rows: unknown[][] = [[], [], [], [], [], [], [], []];
  written = 0;

  constructor(private readonly pool: pg.Pool) {}

  async add(e: Pending): Promise<void> {
    const head = this.heads.get(e.stream);
    const revision = head ? head.revision + 1n : 0n;
    const prev = head?.hash ?? '';
    const id = randomUUID();
    const metadata = meta(this.written);
    const hash = chainHash(prev, e.stream, revision, canonicalEventBody({ id, type: e.type, data: e.data, metadata }));
    this.heads.set(e.stream, { revision, hash });
    [id, e.stream, String(revision), e.type, JSON.stringify(e.data), JSON.stringify(metadata), hash, prev].forEach((v, i) => this.rows[i].push(v));
    this.written++;
    if (this.rows[0].length >= BATCH) await this.flush();
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

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, (performance.now() - t0) / 1000];
}

await runBenchmark(`bench:audit: as-of replay of a ${fmt(REPLAY_EVENTS)}-event record; audit:verify over ${fmt(TOTAL_EVENTS)} events`, async (db) => {
  await runMigrations(db.url);
  await printMachine(db, 'one process, the benchmark alone');
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const caseId = randomUUID();
    const stream = auditedDisputeCase.streamOf(caseId);
    const writer = new Writer(pool);
    const [, seedSeconds] = await timed(async () => {
      await writer.add({
        stream,
        type: 'DisputeCaseOpened',
        data: {
          caseId,
          title: '某物流公司拖欠快递员工资',
          category: 'unpaid_wages',
          description: '基准测试用案件',
          application: { kind: 'written', receivedAt: '2021-01-01' },
          respondent: { name: '某物流有限公司', employerId: null },
          claimants: [{ claimantId: 'c-1', name: '王秀英', workerId: null }],
          mediatorId: 'staff-0',
          openedBy: 'staff-0',
          openedAt: '2021-01-01T00:00:00.000Z',
        },
      });
      // The case's events interleave with the rest of the log, as they would over five years.
      const others = TOTAL_EVENTS - REPLAY_EVENTS;
      const every = others / (REPLAY_EVENTS - 1);
      let other = 0;
      for (let i = 1; i < REPLAY_EVENTS; i++) {
        for (const stop = Math.round(i * every); other < stop; other++) await writer.add({ stream: `bench-fund-${other % OTHER_STREAMS}`, type: 'Donated', data: { amountFen: 100 + (other % 997), donor: `捐赠人${other % 101}` } });
        await writer.add({ stream, type: 'MediatorAssigned', data: { caseId, mediatorId: `staff-${i % 7}`, previousMediatorId: `staff-${(i - 1) % 7}`, assignedBy: 'staff-9', assignedAt: meta(i).occurredAt } });
      }
      for (; other < others; other++) await writer.add({ stream: `bench-fund-${other % OTHER_STREAMS}`, type: 'Donated', data: { amountFen: 100 + (other % 997), donor: `捐赠人${other % 101}` } });
      await writer.flush();
    });
    await pool.query('VACUUM ANALYZE es_events');
    console.log(`seeded ${fmt(writer.written)} events (${fmt(writer.written / seedSeconds)} events/s, straight into es_events)\n`);

    // 1. As-of replay.
    const { rows: mid } = await pool.query<{ p: string }>(
      `SELECT tx_id::text || ':' || seq AS p FROM es_events WHERE stream_name = $1 AND stream_revision = $2`,
      [stream, Math.floor(REPLAY_EVENTS / 2)],
    );
    const replays: string[][] = [];
    for (const [label, asOf, checkChain] of [
      ['now', undefined, true],
      ['as of the middle (a position)', mid[0].p, true],
      ['now, fold only (no re-hash)', undefined, false],
    ] as const) {
      const seconds: number[] = [];
      let folded = 0;
      let intact = false;
      for (let run = 0; run < 3; run++) {
        const [r, s] = await timed(() => replayAsOf(pool, auditedDisputeCase, caseId, asOf, { checkChain }));
        seconds.push(s);
        folded = r!.eventsFolded;
        intact = r!.chain.intact && r!.allHeld;
      }
      seconds.sort((a, b) => a - b);
      replays.push([label, fmt(folded), fmt(seconds[0], 3), fmt(seconds[1], 3), intact ? 'yes' : 'NO', seconds[1] < 1 ? 'met' : 'MISSED']);
    }
    console.log('1. as-of replay of one record (3 runs)');
    console.log(table(['replay', 'events folded', 'best s', 'median s', 'chain + invariants held', 'goal < 1 s'], replays));

    // 2. Checkpoint (anchoring everything) and verification of the whole log.
    const audit = new AuditLog(pool);
    const key = generateKeyPairSync('ed25519').privateKey;
    const [cp, anchorSeconds] = await timed(() => audit.checkpoint(key, new Date(), 'system'));
    let lastProgress = 0;
    const [report, verifySeconds] = await timed(() => audit.verify({ progressEvery: 100_000, onProgress: (n) => (lastProgress = n) }));
    console.log(`\n2. the whole log: ${fmt(TOTAL_EVENTS)} events in ${fmt(OTHER_STREAMS + 1)} streams`);
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
