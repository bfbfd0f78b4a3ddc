/**
 * `npm run bench:aid`: disbursements against ONE aid fund through the HTTP API of the real
 * application (API and projector in one process, as `npm start` runs them): 8 fund officers
 * requesting at once, then 8 supervisors approving at once. Every disbursement lives in its
 * fund's stream (so that no approval can overdraw it), so all of them contend for that one
 * stream: this measures the price of the guarantee. The fund holds money for 80% of the
 * requests, so the last approvals are refused (422) while others are still racing.
 * Afterwards the fund's stream is replayed event by event from the log: balance and available
 * money must never be below zero, and the read model must agree with the replay.
 *
 * Optional: BENCH_CLIENTS (default 8), BENCH_DISBURSEMENTS (default 1,000). Each request goes to
 * its own hardship household (日常特殊困难救助), filed through the API before the timing starts;
 * eligibility is read from the household's stream as in production.
 */
import { aidFundDecider, aidFundStreamName, availableFen, balanceFen, residentIdCheckChar, type AidFund, type AidFundEvent, type AidFundState } from '#domain';
import pg from 'pg';
import { startBenchApp, type StaffClient } from './support/bench-app.js';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';
import { concurrently, expectStatus } from './support/load.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const DISBURSEMENTS = Number(process.env.BENCH_DISBURSEMENTS ?? 1_000);
const GRANT_FEN = 100_000;
const COVERED = Math.floor(DISBURSEMENTS * 0.8);




/** A valid resident ID number, different for each n below 12,000 (birth day and sequence vary). */
function residentId(n: number): string {
  const birth = `1960${String(1 + (Math.floor(n / 1000) % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
  const first17 = `110113${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

await runBenchmark('aid fund benchmark: starting Postgres and the application...', async (db) => {
  const bench = await startBenchApp(db.url);
  try {
    await printMachine(db, `${CLIENTS} client(s) sending at once over HTTP (loopback, JSON, bearer token), all on ONE fund; API and projector in one Node process`);
    const officers: StaffClient[] = [];
    const supervisors: StaffClient[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      officers.push(await bench.staff(`officer-${c}`, ['fund_officer']));
      supervisors.push(await bench.staff(`supervisor-${c}`, ['supervisor']));
    }
    const admin = await bench.staff('programmes', ['administrator']);

    const fund = expectStatus(await officers[0].post('/api/aid/funds', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }), [201], 'open fund').body;
    expectStatus(await officers[0].post(`/api/aid/funds/${fund.id}/income`, { source: 'district_allocation', amountFen: COVERED * GRANT_FEN, receivedOn: today(), reference: '压测拨款' }), [201], 'income');
    const programme = expectStatus(await admin.post('/api/aid/programmes', { kind: 'special_hardship', name: '日常特殊困难救助', fundId: fund.id, perBeneficiaryCapFen: GRANT_FEN }), [201], 'programme').body;

    process.stdout.write(`  filing ${fmt(DISBURSEMENTS)} hardship households (not timed)...`);
    const workerIds: string[] = [];
    for (let from = 0; from < DISBURSEMENTS; from += 1_000) {
      const workers = Array.from({ length: Math.min(1_000, DISBURSEMENTS - from) }, (_, i) => ({ name: `困难职工${from + i}`, idNumber: residentId(from + i) }));
      const res = expectStatus(await supervisors[0].post('/api/workers/bulk', { workers }), [200], 'workers');
      if (res.body.refused) throw new Error(`workers refused: ${JSON.stringify(res.body).slice(0, 300)}`);
      workerIds.push(...res.body.results.map((r: { id: string }) => r.id));
    }
    const households: string[] = new Array(DISBURSEMENTS);
    await concurrently(officers, DISBURSEMENTS, (c, i) => c.post('/api/aid/households', { workerId: workerIds[i], householdSize: 3, cause: 'illness', monthlyIncomePerPersonFen: 68_000, openedOn: '2020-01-05', reason: '摸底' }), (i, res) => {
      households[i] = expectStatus(res, [201], 'household').body.id;
    });
    process.stdout.write(' done\n');

    process.stdout.write(`  ${fmt(DISBURSEMENTS)} requests by ${CLIENTS} fund officers...`);
    const ids: string[] = new Array(DISBURSEMENTS);
    const requests = await concurrently(officers, DISBURSEMENTS, (c, i) => c.post('/api/aid/disbursements', { fundId: fund.id, programmeId: programme.id, beneficiary: { kind: 'household', id: households[i] }, amountFen: GRANT_FEN, reason: '特殊困难救助' }), (i, res) => {
      ids[i] = expectStatus(res, [201], 'request').body.id;
    });
    process.stdout.write(` p50 ${fmt(requests.p50, 1)} ms\n`);

    process.stdout.write(`  ${fmt(DISBURSEMENTS)} approvals by ${CLIENTS} supervisors (money for ${fmt(COVERED)})...`);
    let approved = 0;
    let refused = 0;
    const approvals = await concurrently(supervisors, DISBURSEMENTS, (c, i) => c.post(`/api/aid/disbursements/${ids[i]}/approve`, {}), (_, res) => {
      if (expectStatus(res, [200, 422], 'approve').status === 200) approved++;
      else if (res.body.code === 'FUND_WOULD_BE_OVERDRAWN') refused++;
      else throw new Error(`approve: unexpected 422 ${JSON.stringify(res.body)}`);
    });
    process.stdout.write(` p50 ${fmt(approvals.p50, 1)} ms\n`);

    // The never-overdrawn check: the fund's stream replayed from the log, event by event.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let events = 0;
    let lowestBalance = Infinity;
    let lowestAvailable = Infinity;
    let state: AidFundState = aidFundDecider.initialState();
    try {
      const { rows } = await client.query<{ type: string; data: unknown }>(`SELECT type, data FROM es_events WHERE stream_name = $1 ORDER BY stream_revision`, [aidFundStreamName(fund.id)]);
      for (const row of rows) {
        state = aidFundDecider.evolve(state, { type: row.type, data: row.data } as AidFundEvent);
        events++;
        lowestBalance = Math.min(lowestBalance, balanceFen(state as AidFund));
        lowestAvailable = Math.min(lowestAvailable, availableFen(state as AidFund));
      }
    } finally {
      await client.end();
    }
    const replayed = state as AidFund;
    const page = (await supervisors[0].get(`/api/aid/funds/${fund.id}`)).body;
    const ok = approved === COVERED && refused === DISBURSEMENTS - COVERED && lowestBalance >= 0 && lowestAvailable >= 0 && availableFen(replayed) === 0;

    const rows = [
      ['request a disbursement (special hardship relief)', fmt(requests.count), fmt(requests.count / requests.seconds), fmt(requests.p50, 1), fmt(requests.p99, 1), fmt(requests.max, 1)],
      ['approve (200 or 422 FUND_WOULD_BE_OVERDRAWN)', fmt(approvals.count), fmt(approvals.count / approvals.seconds), fmt(approvals.p50, 1), fmt(approvals.p99, 1), fmt(approvals.max, 1)],
    ];
    console.log('');
    console.log(table(['command, one fund', 'requests', 'per s', 'p50 ms', 'p99 ms', 'max ms'], rows));
    console.log('');
    console.log(`approved ${fmt(approved)}, refused ${fmt(refused)} (the fund held ${fmt(COVERED)} grants' worth)`);
    console.log(`fund stream: ${fmt(events)} events replayed; lowest balance ${fmt(lowestBalance / 100, 2)} yuan, lowest available ${fmt(lowestAvailable / 100, 2)} yuan`);
    console.log(`read model: balance ${fmt(page.balanceFen / 100, 2)}, available ${fmt(page.availableFen / 100, 2)} (replay: ${fmt(balanceFen(replayed) / 100, 2)}, ${fmt(availableFen(replayed) / 100, 2)})`);
    console.log(`never overdrawn: ${ok ? 'yes' : 'NO'}`);
    if (!ok) throw new Error('the never-overdrawn check failed');
  } finally {
    await bench.close();
  }
});
