/**
 * `npm run bench:disputes`: the labour-dispute casework at the scale a town federation could
 * reach, through the HTTP API of the real application (API and projector worker in one
 * process, as `npm start` runs them), each request over loopback with a mediator's token.
 *
 *   1. opening a group case with 500 claimants (and its agreement: an amount for each);
 *   2. recording 10,000 mediation sessions across 1,000 cases, several mediators at once;
 *   3. the case list query (filters, Chinese search, deep pages) over 10,000 cases.
 *
 * Postgres as in bench:event-store (DATABASE_URL's server, else an embedded one, both thrown
 * away at the end). Optional: BENCH_CLIENTS (concurrent mediators, default 8),
 * BENCH_GROUP_CASES (500-claimant cases opened, default 20), BENCH_QUERY_RUNS (default 30).
 */
import { startBenchApp, type StaffClient } from './support/bench-app.js';
import { fmt, printMachine, runBenchmark, table } from './support/report.js';
import { concurrently, expectStatus, latest, type Timed } from './support/load.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const GROUP_CASES = Number(process.env.BENCH_GROUP_CASES ?? 20);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 30);
const SESSION_CASES = 1_000;
const SESSIONS = 10_000;
const LIST_CASES = 10_000;
const MEDIATORS = 4;

const DISTRICTS = ['顺义', '朝阳', '海淀', '通州', '昌平', '怀柔'];
const TRADES = ['建筑', '物流', '餐饮', '制造', '保洁', '快递', '物业'];
const ISSUES = [
  { words: '拖欠工资', category: 'unpaid_wages' },
  { words: '加班费争议', category: 'overtime' },
  { words: '解除劳动合同纠纷', category: 'contract_termination' },
  { words: '社保缴纳争议', category: 'social_insurance' },
  { words: '工伤赔偿纠纷', category: 'work_injury' },
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '建国', '淑芬', '志强', '桂兰', '国华', '丽娟', '海燕', '立新', '玉兰', '建军', '志明'];

const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i}`;

/** The i-th case of the seeded caseload: varied titles, categories, employers and dates (2021-2026). */
function aCase(i: number, claimants: number) {
  const issue = ISSUES[i % ISSUES.length];
  const district = DISTRICTS[i % DISTRICTS.length];
  const trade = TRADES[Math.floor(i / ISSUES.length) % TRADES.length];
  // Received by 28 February 2026 at the latest: the sessions below are held in March 2026, never before the application.
  const day = new Date(Date.UTC(2021, 0, 1) + (i * 7919 % 1885) * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `${district}某${trade}公司${issue.words}（第${i}号）`,
    category: issue.category,
    description: `${claimants}名职工反映${trade}公司${issue.words}，请求工会协调解决。`,
    application: { kind: 'written', receivedAt: day },
    respondent: { name: `北京${district}${trade}有限公司${i % 300}` },
    claimants: Array.from({ length: claimants }, (_, k) => ({ name: nameOf(i * 31 + k) })),
  };
}





/** Waits until the case list has applied `position` (the API says so by dropping its lag header). */
async function caughtUp(client: StaffClient, position: string): Promise<number> {
  const start = performance.now();
  for (;;) {
    const res = expectStatus(await client.get('/api/disputes', { minPosition: position, pageSize: 1 }), 200, 'catch-up');
    if (!res.headers.get('x-read-model-lag')) return (performance.now() - start) / 1000;
  }
}


await runBenchmark('disputes benchmark: starting Postgres and the application...', async (db) => {
  const bench = await startBenchApp(db.url);
  try {
    await printMachine(db, `${CLIENTS} mediator(s) sending at once over HTTP (loopback, JSON, bearer token); API and projector in one Node process`);
    const mediators: StaffClient[] = [];
    for (let m = 0; m < MEDIATORS; m++) mediators.push(await bench.staff(`mediator-${m}`, ['mediator']));
    const supervisor = await bench.staff('supervisor', ['supervisor']);
    // Each client acts as one of the mediators; a case is only ever changed by the mediator who opened it.
    const clients = Array.from({ length: CLIENTS }, (_, c) => mediators[c % MEDIATORS]);
    const rows: string[][] = [];
    const row = (what: string, t: Timed) => rows.push([what, fmt(t.count), fmt(t.count / t.seconds), fmt(t.p50, 1), fmt(t.p99, 1), fmt(t.max, 1)]);
    // Access tokens last 15 minutes: every phase starts with fresh ones.
    const relogin = () => Promise.all([...mediators, supervisor].map((m) => m.login()));
    let last = '';

    // 1. Group cases of 500 claimants, one at a time, then their agreements.
    process.stdout.write(`  opening ${GROUP_CASES} group cases of 500 claimants...`);
    const groupIds: string[] = [];
    const openGroup = await concurrently([mediators[0]], GROUP_CASES, (c, i) => c.post('/api/disputes', aCase(100_000 + i, 500)), (_, res) => {
      groupIds.push(expectStatus(res, 201, 'open 500').body.id);
      last = latest(last, res.body.position);
    });
    process.stdout.write(` p50 ${fmt(openGroup.p50, 1)} ms\n`);
    await caughtUp(supervisor, last);
    const pages = await Promise.all(groupIds.map(async (id) => (await mediators[0].get(`/api/disputes/${id}`)).body));
    const readPage = await concurrently([mediators[0]], GROUP_CASES, (c, i) => c.get(`/api/disputes/${groupIds[i]}`));
    // An agreement follows intake: accepted first, not timed.
    for (const id of groupIds) expectStatus(await mediators[0].post(`/api/disputes/${id}/accept`), 200, 'accept');
    const agreeGroup = await concurrently([mediators[0]], GROUP_CASES, (c, i) =>
      c.post(`/api/disputes/${groupIds[i]}/agreement`, {
        amounts: pages[i].claimants.map((k: { claimantId: string }, n: number) => ({ claimantId: k.claimantId, amountFen: 500_000 + n })),
        terms: '公司分三期支付全部欠薪',
        paymentDates: ['2026-04-01', '2026-05-01', '2026-06-01'],
      }),
      (_, res) => expectStatus(res, 201, 'agreement 500'),
    );
    row('open a group case, 500 claimants (1 client)', openGroup);
    row('read that case page (500 claimants)', readPage);
    row('agreement, an amount for each of 500', agreeGroup);

    // 2. 1,000 cases, then 10,000 sessions across them.
    await relogin();
    process.stdout.write(`  opening ${fmt(SESSION_CASES)} cases...`);
    const caseIds: string[] = [];
    const openSmall = await concurrently(clients, SESSION_CASES, (c, i) => c.post('/api/disputes', aCase(i, 12)), (i, res) => {
      caseIds[i] = expectStatus(res, 201, 'open').body.id;
    });
    process.stdout.write(` ${fmt(openSmall.count / openSmall.seconds)}/s\n`);
    await relogin();
    process.stdout.write(`  recording ${fmt(SESSIONS)} sessions...`);
    // Session k goes to case k % 1,000, on the client that opened that case (its mediator).
    const sessions = await concurrently(
      clients,
      SESSIONS,
      (c, k) =>
        c.post(`/api/disputes/${caseIds[k % SESSION_CASES]}/sessions`, {
          heldAt: `2026-03-${String(1 + (Math.floor(k / SESSION_CASES) % 28)).padStart(2, '0')}T09:30:00+08:00`,
          place: '仁和镇总工会调解室',
          attendees: [nameOf(k), '公司代表'],
          summary: `第${Math.floor(k / SESSION_CASES) + 1}次调解：双方就欠薪数额和支付方式进行协商。`,
        }),
      (_, res) => {
        expectStatus(res, 201, 'session');
        last = latest(last, res.body.position);
      },
    );
    process.stdout.write(` ${fmt(sessions.count / sessions.seconds)}/s\n`);
    row(`open a case, 12 claimants (${CLIENTS} clients)`, openSmall);
    row(`record a session, 10 per case (${CLIENTS} clients)`, sessions);

    // 3. The rest of the 10,000 cases, then the list.
    const more = LIST_CASES - SESSION_CASES - GROUP_CASES;
    await relogin();
    process.stdout.write(`  opening ${fmt(more)} more cases...`);
    const openMore = await concurrently(clients, more, (c, i) => c.post('/api/disputes', aCase(SESSION_CASES + i, 1 + (i % 12))), (_, res) => {
      expectStatus(res, 201, 'open');
      last = latest(last, res.body.position);
    });
    process.stdout.write(` ${fmt(openMore.count / openMore.seconds)}/s\n`);
    row(`open a case, 1-12 claimants (${CLIENTS} clients)`, openMore);
    process.stdout.write('  waiting for the case list to catch up...');
    const lagSeconds = await caughtUp(supervisor, last);
    process.stdout.write(` ${fmt(lagSeconds, 1)} s after the last write\n`);
    await relogin();
    const total = (await supervisor.get('/api/disputes', { pageSize: 1 })).body.total as number;
    if (total !== LIST_CASES) throw new Error(`expected ${LIST_CASES} cases in the list, found ${total}`);

    const queries: Array<[string, Record<string, string | number>]> = [
      ['newest first, page 1 of 20', {}],
      ['ongoing cases of one mediator', { status: 'ongoing', mediatorId: mediators[1].staffId }],
      ['Chinese text in titles: 物流', { q: '物流' }],
      ['claimant name: 张秀英', { q: '张秀英' }],
      ['category + received in 2025', { category: 'overtime', receivedFrom: '2025-01-01', receivedTo: '2025-12-31' }],
      ['deep page (page 400 of 500)', { page: 400, pageSize: 20, sort: 'title' }],
    ];
    const queryRows: string[][] = [];
    for (const [what, query] of queries) {
      let matched = 0;
      const timed = await concurrently([supervisor], QUERY_RUNS, (c) => c.get('/api/disputes', query), (_, res) => {
        matched = expectStatus(res, 200, what).body.total;
      });
      queryRows.push([what, fmt(matched), fmt(timed.p50, 1), fmt(timed.p99, 1), fmt(timed.max, 1)]);
    }
    // Last, with the projector idle: what one mediator waits for when nobody else is writing.
    const alone = await concurrently([mediators[0]], 500, (c, k) => c.post(`/api/disputes/${caseIds[(k * CLIENTS) % SESSION_CASES]}/sessions`, { heldAt: '2026-03-30', summary: '单独调解' }), (_, res) =>
      expectStatus(res, 201, 'session'),
    );
    row('record a session (1 client, no other load)', alone);
    const stats = await concurrently([supervisor], QUERY_RUNS, (c) => c.get('/api/disputes/stats', { from: '2021-01-01', to: '2026-12-31' }));
    const figures = (await supervisor.get('/api/disputes/stats', { from: '2021-01-01', to: '2026-12-31' })).body;
    queryRows.push([`report figures, 2021-2026 (${fmt(figures.casesHandled.value)} cases, ${fmt(figures.workersInvolved.value)} workers)`, '', fmt(stats.p50, 1), fmt(stats.p99, 1), fmt(stats.max, 1)]);

    console.log('');
    console.log('commands (HTTP round trip, ms; each client one request at a time)');
    console.log(table(['command', 'requests', 'per s', 'p50', 'p99', 'max'], rows));
    console.log('');
    console.log(`case list over ${fmt(total)} cases (GET /api/disputes, ${QUERY_RUNS} runs each, one at a time, ms)`);
    console.log(table(['query', 'matched', 'p50', 'p99', 'max'], queryRows));
    console.log('');
    console.log(`projector: the case list had applied the last write ${fmt(lagSeconds, 1)} s after it was made`);
  } finally {
    await bench.close();
  }
});
