import { randomBytes } from 'node:crypto';
import { residentIdCheckChar, splitFenEvenly } from '#domain';
import { comparePositions } from '#event-store';
import { AID_INCOME, CASES, checkData, HOUSEHOLDS, MODEL_WORKER_VISITS, MODEL_WORKERS, ORGANISATIONS, personName, STUDENT_GRANTS } from './renhe-data.js';

/**
 * Records the five-year scenario through the public HTTP API only (fetch against `baseUrl`), as the
 * federation's staff would: an administrator creates the staff, a mediator the cases and their
 * recoveries, a fund officer the aid fund, the files and the care visits, a supervisor the workers
 * and the approvals. Nothing touches the database or the app's code.
 */

export interface ScenarioOptions {
  baseUrl: string;
  admin: { username: string; password: string };
  /** Requests at a time (the API is one process; the machine may be small). */
  concurrency?: number;
  progress?: (line: string) => void;
}

export class HttpProblem extends Error {}

interface Agent {
  call<T = any>(method: string, path: string, body?: unknown, expected?: number[], headers?: Record<string, string>): Promise<T>;
}

function agent(baseUrl: string, token?: string): Agent {
  return {
    async call(method, path, body, expected = [200, 201], headers = {}) {
      const res = await fetch(baseUrl + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!expected.includes(res.status)) throw new HttpProblem(`${method} ${path}: ${res.status} ${text.slice(0, 600)}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
}

async function login(baseUrl: string, username: string, password: string): Promise<Agent> {
  const res = await agent(baseUrl).call<{ accessToken: string }>('POST', '/api/auth/login', { username, password }, [200]);
  return agent(baseUrl, res.accessToken);
}

/** Runs `task` over `items`, `width` at a time. */
export async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)))));
  return out;
}

/**
 * A resident ID number of Shunyi (110113), distinct for each n below 7,300 and for each run's
 * `salt`. Born 1955-1974: every model worker was past working age (16) in the year of the title
 * (the earliest is 2000), which the aid rules check against the birth date in the number.
 */
function residentId(n: number, salt: number): string {
  const day = new Date(Date.UTC(1955, 0, 1) + ((n + salt * 997) % 7_300) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110113${day}${String((n * 7 + salt) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export interface ScenarioResult {
  /** The last log position written, for `minPosition` on the report. */
  lastPosition: string;
  requests: number;
}

export async function recordRenhe(options: ScenarioOptions): Promise<ScenarioResult> {
  const wrong = checkData();
  if (wrong.length) throw new Error(`the scenario's data does not add up: ${wrong.join(', ')}`);
  const { baseUrl } = options;
  const width = options.concurrency ?? 8;
  const say = options.progress ?? (() => undefined);
  let requests = 0;
  let lastPosition = '0:0';
  const positions: string[] = [];
  const track = <T>(answer: T): T => {
    requests += 1;
    const p = (answer as { position?: string } | undefined)?.position;
    if (p) positions.push(p);
    return answer;
  };

  // Staff: the administrator makes a mediator, a fund officer and two supervisors (one approves what the officer asks).
  const admin = await login(baseUrl, options.admin.username, options.admin.password);
  const run = randomBytes(3).toString('hex');
  const salt = parseInt(run, 16) % 1000;
  const staff = async (role: string, displayName: string): Promise<Agent> => {
    const username = `renhe-${role.replace(/_/g, '-')}-${run}`;
    const password = `renhe-${randomBytes(9).toString('base64url')}-Scenario`;
    track(await admin.call('POST', '/api/staff', { username, displayName, password, roles: [role] }, [201]));
    return login(baseUrl, username, password);
  };
  const mediator = await staff('mediator', '刘明');
  const officer = await staff('fund_officer', '王芳');
  const supervisor = await staff('supervisor', '赵强');
  say('staff: mediator, fund officer, supervisor');

  // 1. Labour disputes: 18 group wage cases, each to an agreement, two receipts and every worker paid.
  let workerNo = 0;
  await inBatches(CASES, Math.max(1, Math.floor(width / 2)), async (k, i) => {
    const names = Array.from({ length: k.workers }, () => personName(workerNo++));
    const opened = track(
      await mediator.call('POST', '/api/disputes', {
        title: k.title,
        category: 'unpaid_wages',
        description: `${k.workers}名职工反映${k.respondent}拖欠工资，经镇工会会同司法所、社保所联合调处。`,
        application: { kind: 'written', receivedAt: k.receivedAt },
        respondent: { name: k.respondent },
        claimants: names.map((name) => ({ name })),
      }, [201]),
    );
    const id: string = opened.id;
    const page = await mediator.call('GET', `/api/disputes/${id}?minPosition=${encodeURIComponent(opened.position)}`, undefined, [200]);
    const claimantIds: string[] = page.claimants.map((c: { claimantId: string }) => c.claimantId);
    track(await mediator.call('POST', `/api/disputes/${id}/accept`, undefined, [200]));
    const totalFen = k.totalYuan * 100;
    const shares = splitFenEvenly(totalFen, claimantIds.length);
    track(
      await mediator.call('POST', `/api/disputes/${id}/agreement`, {
        amounts: claimantIds.map((claimantId, j) => ({ claimantId, amountFen: shares[j] })),
        terms: '用人单位分两期支付全部欠薪，由工会代为发放',
        paymentDates: k.receipts,
      }, [201]),
    );
    const first = Math.round(totalFen / 200) * 100;
    track(await mediator.call('POST', `/api/disputes/${id}/recovery/receipts`, { amountFen: first, receivedOn: k.receipts[0], channel: 'bank_transfer', receiptNo: `RH-${k.receivedAt.slice(0, 4)}-${i + 1}-1` }, [201]));
    track(await mediator.call('POST', `/api/disputes/${id}/recovery/receipts`, { amountFen: totalFen - first, receivedOn: k.receipts[1], channel: 'bank_transfer', receiptNo: `RH-${k.receivedAt.slice(0, 4)}-${i + 1}-2` }, [201]));
    for (const [j, claimantId] of claimantIds.entries()) {
      track(await mediator.call('POST', `/api/disputes/${id}/recovery/payouts`, { claimantId, amountFen: shares[j], paidOn: k.paidOn, method: 'bank_transfer', reference: `FF-${i + 1}-${j + 1}` }, [201]));
    }
    track(await mediator.call('POST', `/api/disputes/${id}/outcome`, { outcome: 'agreement_fulfilled' }, [200, 201]));
    say(`case ${i + 1}/${CASES.length} (${k.receivedAt}): ${k.workers} workers, ${k.totalYuan.toLocaleString('en')} yuan received and paid out`);
  });

  // 2. Workers for the aid files (households' breadwinners, model workers), registered by the supervisor.
  const register = async (names: string[], from: number): Promise<string[]> => {
    const res = track(await supervisor.call('POST', '/api/workers/bulk', { workers: names.map((name, i) => ({ name, idNumber: residentId(from + i, salt), phone: '13800138000' })) }, [200]));
    if (res.refused !== 0) throw new Error(`registering workers: ${JSON.stringify(res).slice(0, 600)}`);
    return res.results.map((r: { id: string }) => r.id);
  };
  const householdWorkers = await register(HOUSEHOLDS.map((h) => h.name), 0);
  const modelWorkerWorkers = await register(MODEL_WORKERS.map((m) => m.name), 200);
  say(`workers registered: ${householdWorkers.length + modelWorkerWorkers.length}`);

  // The fund and the programmes the care visits are under (两节送温暖, 关爱劳模): a visit names a programme that exists.
  const fund = track(await officer.call('POST', '/api/aid/funds', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }, [201]));
  const warmth = track(await admin.call('POST', '/api/aid/programmes', { kind: 'festival_visits', name: '两节送温暖', fundId: fund.id, perBeneficiaryCapFen: 100_000 }, [201]));
  const modelWorkerCare = track(await admin.call('POST', '/api/aid/programmes', { kind: 'model_worker_care', name: '关爱劳模', fundId: fund.id, perBeneficiaryCapFen: 100_000 }, [201]));

  // 3. Households in hardship: a file each, then the care visits.
  const households = await inBatches(HOUSEHOLDS, width, async (h, i) =>
    track(await officer.call('POST', '/api/aid/households', { workerId: householdWorkers[i], householdSize: 3 + (i % 3), cause: i % 4 === 0 ? 'single_parent' : 'illness', monthlyIncomePerPersonFen: 60_000 + (i % 10) * 1_000, singleMother: i % 4 === 0, openedOn: h.openedOn, reason: '两节送温暖摸底建档' }, [201])).id as string,
  );
  const householdVisits = HOUSEHOLDS.flatMap((h, i) => h.visits.map((visitedOn) => ({ id: households[i]!, visitedOn })));
  await inBatches(householdVisits, width, async (v) =>
    track(await officer.call('POST', '/api/aid/care-visits', { visitee: { kind: 'household', id: v.id }, visitedOn: v.visitedOn, programmeId: warmth.id, visitors: ['镇工会主席 刘明'], goods: '米、面、油' }, [201])),
  );
  say(`households: ${households.length} files, ${householdVisits.length} visits`);

  // 4. Model workers on the roll and their care visits.
  const modelWorkers = await inBatches(MODEL_WORKERS, width, async (m, i) =>
    track(await officer.call('POST', '/api/aid/model-workers', { workerId: modelWorkerWorkers[i], title: m.title, level: m.level, yearAwarded: m.yearAwarded }, [201])).id as string,
  );
  await inBatches(MODEL_WORKER_VISITS, width, async (v) =>
    track(await officer.call('POST', '/api/aid/care-visits', { visitee: { kind: 'model_worker', id: modelWorkers[v.worker] }, visitedOn: v.visitedOn, programmeId: modelWorkerCare.id, visitors: ['镇工会主席 刘明'], goods: '慰问金、慰问品' }, [201])),
  );
  say(`model workers: ${modelWorkers.length} on the roll, ${MODEL_WORKER_VISITS.length} visits`);

  // 5. Union organisations, their member counts and Workers' Home ratings.
  await inBatches(ORGANISATIONS, width, async (o) => {
    const { id } = track(await officer.call('POST', '/api/organisations', { name: o.name, enterprise: { name: o.enterprise }, foundedOn: o.foundedOn }, [201]));
    if (o.membersAtStart !== null) track(await officer.call('POST', `/api/organisations/${id}/member-counts`, { countedOn: '2010-12-31', members: o.membersAtStart }, [200]));
    track(await officer.call('POST', `/api/organisations/${id}/member-counts`, { countedOn: '2016-12-01', members: o.membersAtEnd }, [200]));
    for (const year of o.workersHomeYears) track(await supervisor.call('POST', `/api/organisations/${id}/workers-home-ratings`, { year, level: 'district' }, [200]));
  });
  say(`organisations: ${ORGANISATIONS.length}`);

  // 6. The aid fund: income, the student-grant programme, 26 grants asked by the officer, approved by the supervisor and paid,
  //    each on the days it happened (the API records them today, dated by those days).
  for (const entry of AID_INCOME) {
    track(await officer.call('POST', `/api/aid/funds/${fund.id}/income`, { receivedOn: entry.receivedOn, source: entry.source, amountFen: entry.yuan * 100, reference: entry.reference, ...(entry.donor ? { donor: entry.donor } : {}) }, [201]));
  }
  const programme = track(await admin.call('POST', '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: 200_000 }, [201]));
  const students = await inBatches(STUDENT_GRANTS, width, async (g, i) =>
    track(await officer.call('POST', `/api/aid/households/${households[g.household]}/students`, { name: `${personName(900 + i)}`, school: '仁和镇中心小学', grade: `${(i % 6) + 1}年级` }, [201])).id as string,
  );
  const grants = await inBatches(STUDENT_GRANTS, width, async (g, i) =>
    track(
      await officer.call('POST', '/api/aid/disbursements', {
        fundId: fund.id,
        programmeId: programme.id,
        beneficiary: { kind: 'student', id: students[i] },
        amountFen: g.yuan * 100,
        reason: '困难职工子女金秋助学',
        requestedOn: g.requestedOn,
      }, [201]),
    ).id as string,
  );
  await inBatches(grants, width, async (id, i) => track(await supervisor.call('POST', `/api/aid/disbursements/${id}/approve`, { note: '同意', approvedOn: STUDENT_GRANTS[i]!.approvedOn }, [200])));
  await inBatches(grants, width, async (id, i) =>
    track(await officer.call('POST', `/api/aid/disbursements/${id}/pay`, { method: 'bank_transfer', reference: `JQ-${STUDENT_GRANTS[i]!.paidOn.slice(0, 4)}-${i + 1}`, paidOn: STUDENT_GRANTS[i]!.paidOn }, [200])),
  );
  say(`aid fund: ${AID_INCOME.length} income entries, ${grants.length} student grants approved and paid`);

  lastPosition = positions.sort(comparePositions).at(-1) ?? lastPosition;
  return { lastPosition, requests };
}
