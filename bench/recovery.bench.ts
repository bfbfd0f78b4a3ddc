/**
 * `npm run bench:recovery`: the wage-recovery ledger at a town federation's scale, through the
 * HTTP API of the real application (API and projector worker in one process, as `npm start`
 * runs them), each request over loopback with a mediator's token.
 *
 *   1. a 500-worker case: receipts allocated pro rata (largest remainder over 500 workers), one
 *      after another on the same ledger (its stream grows with each);
 *   2. 10,000 payouts across 200 cases, BENCH_CLIENTS mediators at once (default 8);
 *   3. the ledger query (GET /api/disputes/:id/recovery) of the 500-worker case, the list of
 *      cases by what is most overdue, and the period figures.
 *
 * Postgres as in bench:event-store (DATABASE_URL's server, else an embedded one, both thrown
 * away at the end). Optional: BENCH_CLIENTS (default 8), BENCH_RECEIPTS (default 40),
 * BENCH_QUERY_RUNS (default 30).
 */
import { startBenchApp, type StaffClient } from './support/bench-app.js';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';
import { concurrently, expectStatus, latest, type Timed } from './support/load.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 40);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 30);
const BIG_CASE_WORKERS = 500;
const PAYOUT_CASES = 200;
const WORKERS_PER_CASE = 10;
const PAYOUTS = 10_000;
// Each case is paid by the mediator who opened it: payout k goes to case k % 200 on client k % clients.
if (PAYOUT_CASES % CLIENTS !== 0) throw new Error(`BENCH_CLIENTS must divide ${PAYOUT_CASES} (got ${CLIENTS})`);






/** A wage case with `workers` claimants and its agreement (`owed(n)` fen for the n-th), opened by `client`. */
async function caseWithAgreement(client: StaffClient, i: number, workers: number, owed: (n: number) => number): Promise<{ id: string; claimantIds: string[]; position: string }> {
  const opened = expectStatus(
    await client.post('/api/disputes', {
      title: `某建筑公司拖欠${workers}名农民工工资（第${i}号）`,
      category: 'unpaid_wages',
      description: '工人反映工资未发放，请求工会协调解决。',
      application: { kind: 'written', receivedAt: '2026-03-01' },
      respondent: { name: `北京某建筑工程有限公司${i}` },
      claimants: Array.from({ length: workers }, (_, k) => ({ name: `工人${i}-${k}` })),
    }),
    201,
    'open',
  );
  const id = opened.body.id as string;
  const page = expectStatus(await client.get(`/api/disputes/${id}`, { minPosition: opened.body.position }), 200, 'case page').body;
  const claimantIds = page.claimants.map((c: { claimantId: string }) => c.claimantId) as string[];
  expectStatus(await client.post(`/api/disputes/${id}/accept`), 200, 'accept');
  const agreed = expectStatus(
    await client.post(`/api/disputes/${id}/agreement`, { amounts: claimantIds.map((claimantId, n) => ({ claimantId, amountFen: owed(n) })), terms: '公司分三期支付全部欠薪', paymentDates: ['2026-04-30', '2026-05-31', '2026-06-30'] }),
    201,
    'agreement',
  );
  return { id, claimantIds, position: agreed.body.position };
}

await runBenchmark('recovery benchmark: starting Postgres and the application...', async (db) => {
  const bench = await startBenchApp(db.url);
  try {
    await printMachine(db, `${CLIENTS} mediator(s) sending at once over HTTP (loopback, JSON, bearer token); API and projector in one Node process`);
    const mediators: StaffClient[] = [];
    for (let m = 0; m < CLIENTS; m++) mediators.push(await bench.staff(`mediator-${m}`, ['mediator']));
    const supervisor = await bench.staff('supervisor', ['supervisor']);
    const relogin = () => Promise.all([...mediators, supervisor].map((m) => m.login()));
    const rows: string[][] = [];
    const row = (what: string, t: Timed) => rows.push([what, fmt(t.count), fmt(t.count / t.seconds), fmt(t.p50, 1), fmt(t.p99, 1), fmt(t.max, 1)]);
    let last = '';

    // 1. The 500-worker case: receipts allocated pro rata, one at a time.
    process.stdout.write(`  a ${BIG_CASE_WORKERS}-worker case: ${RECEIPTS} receipts allocated pro rata...`);
    const big = await caseWithAgreement(mediators[0]!, 0, BIG_CASE_WORKERS, (n) => 1_500_000 + n * 997);
    const bigPlan = expectStatus(
      await mediators[0]!.post(`/api/disputes/${big.id}/recovery/plan`, {
        instalments: (() => {
          const total = Array.from({ length: BIG_CASE_WORKERS }, (_, n) => 1_500_000 + n * 997).reduce((a, b) => a + b, 0);
          return [{ dueOn: '2026-04-30', amountFen: Math.floor(total / 3) }, { dueOn: '2026-05-31', amountFen: Math.floor(total / 3) }, { dueOn: '2026-06-30', amountFen: total - 2 * Math.floor(total / 3) }];
        })(),
      }),
      200,
      'plan',
    );
    last = latest(last, bigPlan.body.position);
    const receipts = await concurrently([mediators[0]!], RECEIPTS, (c, i) =>
      c.post(`/api/disputes/${big.id}/recovery/receipts`, { amountFen: 1_000_003 + i * 7_919, receivedOn: '2026-04-15', channel: i % 2 ? 'bank_transfer' : 'wage_guarantee_fund', receiptNo: `HD-${i}` }),
      (_, res) => (last = latest(last, expectStatus(res, 201, 'receipt').body.position)),
    );
    process.stdout.write(` p50 ${fmt(receipts.p50, 1)} ms\n`);
    row(`receipt, pro rata over ${BIG_CASE_WORKERS} workers (1 client, ${RECEIPTS} in a row on one ledger)`, receipts);

    // 2. 200 cases, a receipt on each covering it all, then 10,000 payouts.
    await relogin();
    process.stdout.write(`  ${PAYOUT_CASES} cases of ${WORKERS_PER_CASE} workers, each with its money received...`);
    const cases: { id: string; claimantIds: string[] }[] = [];
    const setup = await concurrently(mediators, PAYOUT_CASES, async (c, i) => {
      const made = await caseWithAgreement(c, 1 + i, WORKERS_PER_CASE, () => 100_000);
      cases[i] = made;
      return c.post(`/api/disputes/${made.id}/recovery/receipts`, { amountFen: WORKERS_PER_CASE * 100_000, receivedOn: '2026-04-15', channel: 'bank_transfer', receiptNo: `R-${i}` });
    }, (_, res) => expectStatus(res, 201, 'receipt'));
    process.stdout.write(` ${fmt(setup.seconds, 1)} s\n`);
    await relogin();
    process.stdout.write(`  ${fmt(PAYOUTS)} payouts, ${CLIENTS} clients...`);
    // Payout k goes to case k % 200, on the client whose mediator opened that case (200 is a multiple of the clients).
    const payouts = await concurrently(
      mediators,
      PAYOUTS,
      (c, k) => {
        const target = cases[k % PAYOUT_CASES]!;
        const round = Math.floor(k / PAYOUT_CASES);
        return c.post(`/api/disputes/${target.id}/recovery/payouts`, { claimantId: target.claimantIds[round % WORKERS_PER_CASE], amountFen: 1_000 + round, paidOn: '2026-04-16', method: 'bank_transfer', reference: `TR-${k}` });
      },
      (_, res) => (last = latest(last, expectStatus(res, 201, 'payout').body.position)),
    );
    process.stdout.write(` ${fmt(payouts.count / payouts.seconds)}/s\n`);
    row(`payout (${CLIENTS} clients, ${PAYOUT_CASES} cases, 50 per case)`, payouts);
    // The same machine's yardstick in the same run: a command on the case's own stream, same clients, same cases.
    const sessions = await concurrently(mediators, 2_000, (c, k) => c.post(`/api/disputes/${cases[k % PAYOUT_CASES]!.id}/sessions`, { heldAt: '2026-03-30', summary: '回访调解' }), (_, res) => (last = latest(last, expectStatus(res, 201, 'session').body.position)));
    row(`yardstick: record a mediation session (${CLIENTS} clients, same cases)`, sessions);

    // 3. Queries.
    await relogin();
    process.stdout.write('  waiting for the read models to catch up...');
    const waited = performance.now();
    expectStatus(await supervisor.get('/api/recoveries', { minPosition: last, pageSize: 1 }), 200, 'catch-up');
    process.stdout.write(` ${fmt((performance.now() - waited) / 1000, 1)} s\n`);
    const queryRows: string[][] = [];
    const query = async (what: string, path: string, q: Record<string, string | number> = {}) => {
      const timed = await concurrently([supervisor], QUERY_RUNS, (c) => c.get(path, q), (_, res) => expectStatus(res, 200, what));
      queryRows.push([what, fmt(timed.p50, 1), fmt(timed.p99, 1), fmt(timed.max, 1)]);
    };
    const ledger = (await supervisor.get(`/api/disputes/${big.id}/recovery`)).body;
    const adds = ledger.totals.receivedFen === ledger.totals.paidFen + ledger.totals.heldFen + ledger.totals.allocatedUnpaidFen;
    if (!adds) throw new Error('the ledger does not add up');
    await query(`ledger of the ${BIG_CASE_WORKERS}-worker case (${RECEIPTS} receipts, ${fmt(RECEIPTS * BIG_CASE_WORKERS)} allocations)`, `/api/disputes/${big.id}/recovery`);
    await query(`ledger of a ${WORKERS_PER_CASE}-worker case (50 payouts)`, `/api/disputes/${cases[0]!.id}/recovery`);
    await query(`list of recoveries, most overdue first (${PAYOUT_CASES + 1} cases)`, '/api/recoveries');
    await query('period figures 2026', '/api/recoveries/stats', { from: '2026-01-01', to: '2026-12-31' });

    console.log('');
    console.log('commands (HTTP round trip, ms; each client one request at a time)');
    console.log(table(['command', 'requests', 'per s', 'p50', 'p99', 'max'], rows));
    console.log('');
    console.log(`queries (${QUERY_RUNS} runs each, one at a time, ms)`);
    console.log(table(['query', 'p50', 'p99', 'max'], queryRows));
  } finally {
    await bench.close();
  }
});
