/**
 * `npm run bench:report`: the period report over the five-year Renhe scenario.
 *
 * The real application (API and projectors in one process, as `npm start` runs them) on a fresh
 * database (DATABASE_URL's server, else an embedded PostgreSQL, both thrown away) records the
 * scenario through its HTTP API (`apps/cli/src/scenario`), BENCH_SCENARIOS times (default 1; each
 * run adds the same five years again under new staff, for a larger log). Then one client asks,
 * BENCH_RUNS times each (default 200, one request at a time):
 *
 *   - the baseline: `GET /api/auth/me` (authenticated, one small query), the yardstick;
 *   - the period report 2011–2016 as JSON, CSV and XLSX;
 *   - the same as of the middle of the log, by position and by instant (`&asOf=`).
 *
 * Figures are p50/p99 in ms and as ratios to the baseline of the same run, since this machine is
 * shared and absolute times move with its load. Each report is checked against the seed's table
 * (times BENCH_SCENARIOS) before timing.
 */
import pg from 'pg';
import { PERIOD, SEED_TABLE } from '../apps/cli/src/scenario/renhe-data.js';
import { recordRenhe } from '../apps/cli/src/scenario/renhe-record.js';
import { startBenchApp, type Answer, type StaffClient } from './support/bench-app.js';
import { expectStatus, latest, summarise, type Timed } from './support/load.js';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 1);

/** `runs` requests one after another, after a few not timed (the first query plans, the JIT warms). */
async function timed(runs: number, request: () => Promise<Answer>, check: (res: Answer) => void): Promise<Timed> {
  for (let i = 0; i < 5; i++) check(await request());
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const res = await request();
    check(res);
    latencies.push(res.ms);
  }
  return summarise(latencies, (performance.now() - start) / 1000);
}

await runBenchmark('period-report benchmark: starting Postgres and the application...', async (db) => {
  const bench = await startBenchApp(db.url);
  try {
    await printMachine(db, `the Renhe scenario recorded ${SCENARIOS}x through HTTP, then 1 client, ${RUNS} requests per variant; API and projectors in one Node process`);

    process.stdout.write(`  recording the five-year scenario ${SCENARIOS}x through the API...`);
    const started = performance.now();
    let position = '';
    let requests = 0;
    for (let i = 0; i < SCENARIOS; i++) {
      const run = await recordRenhe({ baseUrl: bench.baseUrl, admin: bench.adminCredentials });
      position = latest(position, run.lastPosition);
      requests += run.requests;
    }
    const recordSeconds = (performance.now() - started) / 1000;
    process.stdout.write(` ${fmt(requests)} commands in ${fmt(recordSeconds, 1)} s (${fmt(requests / recordSeconds)}/s)\n`);

    const auditor: StaffClient = await bench.staff('report-auditor', ['auditor']);
    // The report's facts caught up with the last command, and the log's size and middle (for asOf).
    expectStatus(await auditor.get('/api/reports/period', { ...PERIOD, minPosition: position }), [200], 'catch up');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let events = 0;
    let facts = 0;
    let middle: { position: string; recordedAt: string };
    try {
      events = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM es_events')).rows[0]!.n);
      facts = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM report_facts')).rows[0]!.n);
      const row = (
        await client.query<{ tx: string; seq: string; at: Date }>(`SELECT tx_id::text AS tx, seq::text AS seq, recorded_at AS at FROM es_events ORDER BY tx_id, seq OFFSET $1 LIMIT 1`, [Math.floor(events / 2)])
      ).rows[0]!;
      middle = { position: `${row.tx}:${row.seq}`, recordedAt: row.at.toISOString() };
    } finally {
      await client.end();
    }
    console.log(`  log: ${fmt(events)} events, ${fmt(facts)} report facts; the middle of the log: ${middle.position} (${middle.recordedAt})`);

    const seedCheck = (res: Answer) => {
      expectStatus(res, [200], 'report');
      const wrong = (res.body.figures as { name: string; value: number }[]).filter((f) => f.name in SEED_TABLE && f.value !== SCENARIOS * SEED_TABLE[f.name as keyof typeof SEED_TABLE]);
      if (wrong.length) throw new Error(`the report differs from ${SCENARIOS}x the seed's table: ${JSON.stringify(wrong.map((f) => [f.name, f.value]))}`);
    };
    const file = (type: string) => (res: Answer) => {
      expectStatus(res, [200], 'report file');
      if (!res.headers.get('content-type')?.startsWith(type)) throw new Error(`expected ${type}, got ${res.headers.get('content-type')}`);
    };
    const report = (query: Record<string, string>) => () => auditor.get('/api/reports/period', { ...PERIOD, ...query });

    const phases: [string, () => Promise<Answer>, (res: Answer) => void][] = [
      ['baseline: GET /api/auth/me', () => auditor.get('/api/auth/me'), (res) => void expectStatus(res, [200], 'me')],
      ['period report, JSON', report({}), seedCheck],
      ['period report, CSV', report({ format: 'csv' }), file('text/csv')],
      ['period report, XLSX', report({ format: 'xlsx' }), file('application/vnd.openxmlformats')],
      ['as of the middle of the log (position), JSON', report({ asOf: middle.position }), (res) => void expectStatus(res, [200], 'as of a position')],
      ['as of the middle of the log (instant), JSON', report({ asOf: middle.recordedAt.replace('Z', '+00:00') }), (res) => void expectStatus(res, [200], 'as of an instant')],
      ['as of the middle of the log (position), XLSX', report({ asOf: middle.position, format: 'xlsx' }), file('application/vnd.openxmlformats')],
    ];
    const results: [string, Timed][] = [];
    for (const [name, request, check] of phases) {
      process.stdout.write(`  ${name}...`);
      const t = await timed(RUNS, request, check);
      results.push([name, t]);
      process.stdout.write(` p50 ${fmt(t.p50, 2)} ms\n`);
    }
    // The baseline again at the end: the machine's load may have moved meanwhile.
    const again = await timed(RUNS, () => auditor.get('/api/auth/me'), (res) => void expectStatus(res, [200], 'me'));
    const base = results[0]![1];
    const baseP50 = (base.p50 + again.p50) / 2;
    const baseP99 = (base.p99 + again.p99) / 2;
    const rows = results.map(([name, t]) => [name, fmt(t.count), fmt(t.count / t.seconds), fmt(t.p50, 2), fmt(t.p99, 2), `${fmt(t.p50 / baseP50, 1)}x`, `${fmt(t.p99 / baseP99, 1)}x`]);
    rows.push(['baseline again (after the reports)', fmt(again.count), fmt(again.count / again.seconds), fmt(again.p50, 2), fmt(again.p99, 2), `${fmt(again.p50 / baseP50, 1)}x`, `${fmt(again.p99 / baseP99, 1)}x`]);
    console.log('');
    console.log(table(['request (1 client, one at a time)', 'runs', 'per s', 'p50 ms', 'p99 ms', 'p50 / baseline', 'p99 / baseline'], rows));
    console.log('');
    console.log(`baseline = mean of the first and last GET /api/auth/me phases (p50 ${fmt(baseP50, 2)} ms, p99 ${fmt(baseP99, 2)} ms)`);
  } finally {
    await bench.close();
  }
});
