import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command, openCase, timeline, todayInBeijing } from './dispute-steps.js';
import { anEmployer, aWorker } from './party-builders.js';

const NAMES = ['张秀英', '李建国', '王淑芬', '刘志强', '陈桂兰', '杨国华', '赵丽娟', '黄志明', '周玉兰', '吴建军', '徐海燕', '孙立新'];

describe('acceptance: a mediator takes a group wage case from intake to outcome through the API', () => {
  let t: TestApp;
  let mediator: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens a case for 12 workers, refers it to 社保, holds two sessions and a follow-up, agrees, closes; the page and timeline show it all in Chinese and English', async () => {
    const employer = await mediator.post('/api/employers').send(anEmployer(1, { name: '仁和镇宏达建材有限公司' })).expect(201);
    const workerIds: string[] = [];
    for (const [i, name] of NAMES.entries()) workerIds.push((await mediator.post('/api/workers').send(aWorker(100 + i, { name })).expect(201)).body.id);

    const opened = await mediator
      .post('/api/disputes')
      .send(
        aGroupWageDispute({
          title: '宏达建材拖欠十二名工人工资案',
          respondent: { name: '仁和镇宏达建材有限公司', employerId: employer.body.id },
          claimants: NAMES.map((name, i) => ({ name, workerId: workerIds[i] })),
        }),
      )
      .expect(201);
    const id: string = opened.body.id;
    const claimants: { claimantId: string; name: string }[] = (await casePage(mediator, id, opened.body.position)).claimants;
    expect(claimants.map((c) => c.name)).toEqual(NAMES);

    let etag = opened.headers.etag as string;
    const step = async (path: string, body: object | undefined, status: 200 | 201) => {
      const req = mediator.post(`/api/disputes/${id}/${path}`).set('If-Match', etag);
      const res = await (body ? req.send(body) : req);
      if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      etag = res.headers.etag;
      return res.body;
    };
    await step('accept', undefined, 200);
    for (const [i, c] of claimants.entries()) await step('claims', { claimantId: c.claimantId, kind: 'unpaid_wages', amountFen: 1_800_000 + i * 10_000, note: '2025年10月至12月工资' }, 201);
    const { referralId } = await step('referrals', { agency: 'social_security', note: '请核查宏达建材社保缴纳及用工情况' }, 201);
    const answeredAt = todayInBeijing(); // the referral was recorded today: its answer cannot be older
    await step(`referrals/${referralId}/answer`, { answer: '经核查，该公司欠缴社保三个月，已责令限期补缴。', answeredAt }, 200);
    await step('sessions', { heldAt: '2026-03-06T09:30:00+08:00', place: '仁和镇总工会调解室', attendees: ['张秀英', '公司代表李经理'], summary: '公司承认欠薪，提出分期支付。' }, 201);
    await step('sessions', { heldAt: '2026-03-10T14:00:00+08:00', place: '仁和镇总工会调解室', attendees: ['张秀英', '李建国', '公司法定代表人'], summary: '双方就金额和支付日期达成一致。' }, 201);
    const amounts = claimants.map((c, i) => ({ claimantId: c.claimantId, amountFen: 1_800_000 + i * 10_000 }));
    await step('agreement', { amounts, terms: '公司于2026年3月31日和4月10日分两期支付全部欠薪。', paymentDates: ['2026-03-31', '2026-04-10'] }, 201);
    await step('follow-ups', { at: '2026-04-11', method: 'phone', result: '十二名工人确认两期工资均已到账。' }, 201);
    // The money (issue 10): the employer pays it all, every worker is paid; only then is the agreement fulfilled.
    const recovery = (path: string) => mediator.post(`/api/disputes/${id}/recovery/${path}`);
    const agreedFen = amounts.reduce((s, a) => s + a.amountFen, 0);
    await recovery('receipts').send({ amountFen: agreedFen, receivedOn: '2026-04-10', channel: 'bank_transfer', receiptNo: 'HD-2026-01' }).expect(201);
    for (const [i, a] of amounts.entries()) {
      await recovery('payouts').send({ claimantId: a.claimantId, amountFen: a.amountFen, paidOn: '2026-04-10', method: 'bank_transfer', reference: `TR-${i}` }).expect(201);
    }
    const closed = await step('outcome', { outcome: 'agreement_fulfilled' }, 200);

    const page = await casePage(mediator, id, closed.position);
    const total = amounts.reduce((s, a) => s + a.amountFen, 0);
    expect(page).toMatchObject({
      id,
      revision: closed.revision,
      status: 'closed',
      outcome: 'agreement_fulfilled',
      mediatorId: mediator.staffId,
      respondent: { name: '仁和镇宏达建材有限公司', employerId: employer.body.id },
      intake: { decision: 'accepted' },
      agreement: { totalFen: total, paymentDates: ['2026-03-31', '2026-04-10'] },
    });
    expect(page.claimants).toHaveLength(12);
    expect(page.claimants.every((c: { claims: unknown[] }) => c.claims.length === 1)).toBe(true);
    expect(page.referrals).toEqual([expect.objectContaining({ agency: 'social_security', answer: { text: '经核查，该公司欠缴社保三个月，已责令限期补缴。', answeredAt } })]);
    expect(page.sessions.map((s: { number: number }) => s.number)).toEqual([1, 2]);
    expect(page.followUps).toHaveLength(1);
    expect(page.agreement.amounts).toEqual(amounts);

    const zh = (await timeline(mediator, id, closed.position, 'zh-CN')).map((e) => e.description);
    const en = (await timeline(mediator, id, closed.position, 'en')).map((e) => e.description);
    expect(zh).toHaveLength(3 + 12 + 6); // opened, accepted, 12 claims, referral, answer, 2 sessions, agreement, follow-up, closed
    expect(zh.join('\n')).toEqual(expect.stringContaining('登记了新案件“宏达建材拖欠十二名工人工资案”'));
    for (const phrase of ['受理了该案件', '转交社保所', '登记了社保所的答复', '第1次调解会议', '第2次调解会议', '记录了一次回访', '调解协议：12名申请人', '结案：协议履行完毕']) {
      expect(zh.some((line) => line.includes(phrase))).toBe(true);
    }
    for (const phrase of ['opened', 'Intake accepted', 'referred', 'social security bureau', 'Mediation session 1', 'Mediation session 2', 'Follow-up recorded', 'Mediation agreement reached', '12 claimants', 'agreement fulfilled']) {
      expect(en.some((line) => line.includes(phrase))).toBe(true);
    }

    const worker = await mediator.get(`/api/workers/${workerIds[0]}`).expect(200);
    expect(worker.body.cases).toEqual([expect.objectContaining({ caseId: id, status: 'closed', outcome: 'agreement_fulfilled' })]);
    expect(worker.body.idNumberMasked).toBe(false); // the mediator of the worker's case
  });
});

describe('acceptance: a supervisor steers the cases of every mediator', () => {
  let t: TestApp;
  let wang: StaffAgent;
  let zhao: StaffAgent;
  let supervisor: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    wang = await staffAs(t, 'mediator');
    zhao = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the open cases by mediator, reassigns one; the previous mediator can no longer change it', async () => {
    const a = await openCase(wang, { title: '王调解员的案件一' });
    const b = await openCase(wang, { title: '王调解员的案件二' });
    const closed = await openCase(wang, { title: '王调解员的已结案件' });
    const z = await openCase(zhao, { title: '赵调解员的案件' });
    await command(wang, closed.id, 'outcome', { outcome: 'closed', reason: '申请人失联' }, 200);
    const accepted = await command(wang, a.id, 'accept', undefined, 200);

    const wangsOpen = await supervisor.get('/api/disputes').query({ status: 'ongoing', mediatorId: wang.staffId, sort: 'title', minPosition: accepted.position }).expect(200);
    expect(wangsOpen.body.items.map((i: { title: string }) => i.title)).toEqual(['王调解员的案件一', '王调解员的案件二']);
    expect(wangsOpen.body.items.map((i: { status: string }) => i.status)).toEqual(['accepted', 'open']);
    const everyone = await supervisor.get('/api/disputes').query({ status: 'ongoing', sort: 'mediatorId' }).expect(200);
    expect(new Set(everyone.body.items.map((i: { mediatorId: string }) => i.mediatorId))).toEqual(new Set([wang.staffId, zhao.staffId]));
    expect(everyone.body.items.map((i: { id: string }) => i.id)).not.toContain(closed.id);
    expect(everyone.body.items.map((i: { id: string }) => i.id)).toContain(z.id);
    // The cases waiting for a mediator, for the supervisor to assign.
    const waiting = await openCase(supervisor, { title: '待分派的案件' });
    const unassigned = await supervisor.get('/api/disputes').query({ mediatorId: 'none', minPosition: waiting.answer.position }).expect(200);
    expect(unassigned.body.items.map((i: { id: string; mediatorId: string | null }) => [i.id, i.mediatorId])).toEqual([[waiting.id, null]]);
    // Anything else than a staff id or none is a mistake, not an empty list.
    for (const mediatorId of ['abc', 'NONE', 'null']) expect((await supervisor.get('/api/disputes').query({ mediatorId }).expect(400)).body.errors[0].field).toBe('mediatorId');

    const reassigned = await supervisor.post(`/api/disputes/${b.id}/assign`).set('If-Match', '"0"').send({ mediatorId: zhao.staffId }).expect(200);
    const refused = await wang.post(`/api/disputes/${b.id}/sessions`).set('Accept-Language', 'en').send({ heldAt: '2026-03-06', summary: '我还想记录' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'NOT_ASSIGNED_MEDIATOR', details: { mediatorId: zhao.staffId } });
    expect(refused.body.messages.zh).toContain('承办调解员');
    const taken = await command(zhao, b.id, 'sessions', { heldAt: '2026-03-06', summary: '赵调解员接手后的第一次调解' }, 201);

    const zhaosOpen = await supervisor.get('/api/disputes').query({ status: 'ongoing', mediatorId: zhao.staffId, minPosition: taken.position }).expect(200);
    expect(zhaosOpen.body.items.map((i: { id: string }) => i.id).sort()).toEqual([b.id, z.id].sort());
    const history = await timeline(supervisor, b.id, reassigned.body.position, 'en');
    const names = async (as: StaffAgent) => (await as.get('/api/auth/me').expect(200)).body.displayName as string;
    expect(history.find((e) => e.type === 'MediatorAssigned')!.description).toContain(`to mediator ${await names(zhao)} (previously ${await names(wang)})`);
  });

  it('counts cases handled and distinct workers involved in a period, each figure with its definition', async () => {
    const registered = (await wang.post('/api/workers').send(aWorker(500, { name: '两案都在的职工' })).expect(201)).body.id;
    const inPeriod = (overrides: object) => ({ application: { kind: 'written', receivedAt: '2019-05-10' }, ...overrides });
    // Case 1: the registered worker and two unregistered people. Case 2: the same registered worker and one of the same names.
    await wang.post('/api/disputes').send(aGroupWageDispute(inPeriod({ claimants: [{ name: '两案都在的职工', workerId: registered }, { name: '甲' }, { name: '乙' }] }))).expect(201);
    await wang.post('/api/disputes').send(aGroupWageDispute(inPeriod({ claimants: [{ name: '两案都在的职工', workerId: registered }, { name: '甲' }] }))).expect(201);
    // Declined at intake: not handled. Outside the period: not counted.
    const declined = await wang.post('/api/disputes').send(aGroupWageDispute(inPeriod({ claimants: [{ name: '丙' }] }))).expect(201);
    await command(wang, declined.body.id, 'decline', { reason: '不属于调解范围' }, 200);
    const last = await wang.post('/api/disputes').send(aGroupWageDispute({ application: { kind: 'written', receivedAt: '2019-06-01' } })).expect(201);

    const zh = await supervisor.get('/api/disputes/stats').query({ from: '2019-05-01', to: '2019-05-31', minPosition: last.body.position }).expect(200);
    expect(zh.body).toMatchObject({ from: '2019-05-01', to: '2019-05-31', casesHandled: { value: 2 }, workersInvolved: { value: 4 } });
    expect(zh.body.casesHandled.definition).toContain('不予受理');
    expect(zh.body.workersInvolved.definition).toContain('只计一次');
    const en = await supervisor.get('/api/disputes/stats').set('Accept-Language', 'en').query({ from: '2019-05-01', to: '2019-06-01' }).expect(200);
    expect(en.body).toMatchObject({ casesHandled: { value: 3 }, workersInvolved: { value: 16 } });
    expect(en.body.workersInvolved.definition).toMatch(/counted once/);

    await supervisor.get('/api/disputes/stats').query({ from: '2019-05-01' }).expect(400);
    await supervisor.get('/api/disputes/stats').query({ from: '2019-02-30', to: '2019-05-31' }).expect(400);
    const backwards = await supervisor.get('/api/disputes/stats').query({ from: '2019-06-01', to: '2019-05-01' }).expect(400);
    expect(backwards.body.errors[0].field).toBe('to');
    await t.http().get('/api/disputes/stats').query({ from: '2019-05-01', to: '2019-05-31' }).expect(401);
  });
});
