// Instalments and requests waiting for approval, as deadlines, over HTTP on a real queue and an
// injected clock: on BullMQ's PostgreSQL backend always, and on Redis too when REDIS_URL is set.
import { addDays, beijingDay } from '#domain';
import { DEADLINE_QUEUE, QueueBackend, SWEEP_JOB } from '#jobs';
import { rebuildProjection } from '#projections';
import { deadlinesProjection, recoveriesProjection } from '#read-models';
import { EVENT_STORE } from '#platform';
import type { EventStore } from '#event-store';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { adminOf, staffAs, type StaffAgent } from '../support/staff.js';
import { beneficiaryFiles, post } from './aid-fund-steps.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command } from './dispute-steps.js';
import { eventually, MovableClock, QUEUE_BACKENDS, startDeadlineApp, type DeadlineTestApp } from './deadlines-app.js';
import { ledgerOf } from './recovery-steps.js';

interface BoardItem {
  caseId: string | null;
  fundId: string | null;
  itemId: string | null;
  kind: string;
  state: string;
  dueOn: string;
  lastDay: string;
  daysOver: number;
  amountFen: number | null;
  missed: boolean;
  responsibleRole: string;
  responsibleId: string | null;
  title: string;
}

/** The steps every suite here takes: a case with an agreement and a plan, a fund with a request waiting. */
function steps(t: () => DeadlineTestApp) {
  const today = () => beijingDay(t().clock.now().toISOString());
  return {
    today,
    /** Events of a type on a stream, counted in the log itself. */
    async stored(stream: string, type: string): Promise<number> {
      return Number((await t().sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_name = $1 AND type = $2`, [stream, type]))[0].n);
    },
    /** A case received 12 days ago (its own clocks not yet run out) with an agreement for `amounts`: answers its id and claimants. */
    async agreedCase(mediator: StaffAgent, amounts: number[], title = '宏达建材拖欠工资案') {
      const opened = await mediator.post('/api/disputes').send(aGroupWageDispute({ title, application: { kind: 'written', receivedAt: addDays(today(), -12) } }, amounts.length)).expect(201);
      const id: string = opened.body.id;
      const page = await casePage(mediator, id, opened.body.position);
      const claimantIds: string[] = page.claimants.map((c: { claimantId: string }) => c.claimantId);
      await command(mediator, id, 'accept', undefined, 200);
      await command(mediator, id, 'agreement', { amounts: claimantIds.map((claimantId, i) => ({ claimantId, amountFen: amounts[i] })), terms: '用人单位分期支付全部欠薪', paymentDates: [today()] }, 201);
      return { id, claimantIds };
    },
    async plan(mediator: StaffAgent, caseId: string, instalments: { dueOn: string; amountFen: number }[], reason?: string) {
      return command(mediator, caseId, 'recovery/plan', { instalments, ...(reason ? { reason } : {}) }, 200);
    },
    async board(as: StaffAgent, query: Record<string, string>): Promise<BoardItem[]> {
      return (await as.get('/api/deadlines').query({ pageSize: '100', ...query }).expect(200)).body.items;
    },
  };
}

describe.each(QUEUE_BACKENDS)('instalments and requests waiting for approval ($name)', ({ redisUrl }) => {
  let t: DeadlineTestApp;
  let mediator: StaffAgent;
  let supervisor: StaffAgent;
  const s = steps(() => t);
  const recovery = (caseId: string) => `recovery-${caseId}`;

  beforeAll(async () => {
    t = await startDeadlineApp(undefined, new MovableClock(), redisUrl);
    mediator = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
  });
  afterEach(() => {
    if (t) t.clock.offsetMs = 0;
  });

  it('records InstalmentMissed once for an instalment unpaid past its due day and grace: on the board with the mediator, in the recovery’s history in Chinese and English, once even after a rebuild', async () => {
    const { id: caseId } = await s.agreedCase(mediator, [300_000, 200_000]);
    const overdueOn = addDays(s.today(), -10);
    await s.plan(mediator, caseId, [
      { dueOn: overdueOn, amountFen: 200_000 },
      { dueOn: addDays(s.today(), 20), amountFen: 300_000 },
    ]);
    await eventually(async () => (await s.stored(recovery(caseId), 'InstalmentMissed')) === 1, 10_000, 'InstalmentMissed');
    const [meta] = await t.sql<{ actor: string }>(`SELECT metadata->'actor'->>'staffId' AS actor FROM es_events WHERE stream_name = $1 AND type = 'InstalmentMissed'`, [recovery(caseId)]);
    expect(meta.actor).toBe('system');

    const item = await eventually(async () => (await s.board(supervisor, { kind: 'instalment', state: 'overdue' })).find((i) => i.caseId === caseId && i.missed), 10_000, 'the instalment on the board');
    expect(item).toMatchObject({ itemId: overdueOn, dueOn: overdueOn, lastDay: addDays(overdueOn, 7), daysOver: 10, amountFen: 200_000, responsibleRole: 'mediator', responsibleId: mediator.staffId, title: '宏达建材拖欠工资案' });
    // The second instalment is on the board too, still to come; the mediator's own inbox has the missed one.
    expect((await s.board(supervisor, { kind: 'instalment' })).filter((i) => i.caseId === caseId).map((i) => i.state)).toEqual(['overdue', 'upcoming']);
    const inbox = (await mediator.get('/api/inbox').expect(200)).body.items as BoardItem[];
    expect(inbox.some((i) => i.caseId === caseId && i.kind === 'instalment' && i.state === 'overdue')).toBe(true);

    const history = async (lang: string) => (await ledgerOf(mediator, caseId, undefined, {}, lang)).history.filter((h) => h.type === 'InstalmentMissed').map((h) => h.description);
    const zh = await eventually(async () => {
      const found = await history('zh-CN');
      return found.length > 0 && found;
    }, 10_000, 'InstalmentMissed in the recovery’s history');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatch(new RegExp(`^系统记录：第1期分期款2,000\\.00元于${overdueOn}到期，宽限7日后仍未足额支付（已付0\\.00元，逾期10天，承办调解员：`));
    expect((await ledgerOf(mediator, caseId)).plan.map((i) => [i.dueOn, i.status, (i as { missed?: boolean }).missed])).toEqual([
      [overdueOn, 'late', true],
      [addDays(s.today(), 20), 'due', false],
    ]);
    expect((await history('en'))[0]).toMatch(new RegExp(`^Recorded by the system: instalment 1 of ¥2,000\\.00 due on ${overdueOn} was not paid in full within the 7-day grace`));

    // projections:rebuild: every row is new to the scheduler again; nothing is recorded twice.
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const store = t.app.get<EventStore>(EVENT_STORE);
    await rebuildProjection(store, ds, deadlinesProjection);
    await rebuildProjection(store, ds, recoveriesProjection);
    await t.worker.scheduleNow();
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await s.stored(recovery(caseId), 'InstalmentMissed')).toBe(1);
    expect(await history('zh-CN')).toHaveLength(1);
  });

  it('records nothing for an instalment paid in time, nor for a due day the plan no longer has; the same clock misses an unpaid one', async () => {
    const inFive = addDays(s.today(), 5);
    const paid = await s.agreedCase(mediator, [100_000, 100_000], '按时付款的案件');
    await s.plan(mediator, paid.id, [
      { dueOn: inFive, amountFen: 100_000 },
      { dueOn: addDays(s.today(), 30), amountFen: 100_000 },
    ]);
    await command(mediator, paid.id, 'recovery/receipts', { amountFen: 100_000, receivedOn: s.today(), channel: 'bank_transfer', receiptNo: 'HD-2026-001' }, 201);
    const moved = await s.agreedCase(mediator, [200_000], '变更计划的案件');
    await s.plan(mediator, moved.id, [{ dueOn: inFive, amountFen: 200_000 }]);
    await s.plan(mediator, moved.id, [{ dueOn: addDays(s.today(), 40), amountFen: 200_000 }], '用人单位申请延期，双方同意');
    const unpaid = await s.agreedCase(mediator, [150_000], '未付款的案件');
    await s.plan(mediator, unpaid.id, [{ dueOn: inFive, amountFen: 150_000 }]);
    await t.worker.scheduleNow(); // their jobs wait in the queue for the real days

    t.clock.advanceDays(13); // past the due day and the week's grace
    await t.scheduler.sweep();
    await eventually(async () => (await s.stored(recovery(unpaid.id), 'InstalmentMissed')) === 1, 10_000, 'the unpaid instalment missed');
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    const notices = async (caseId: string) => [await s.stored(recovery(caseId), 'InstalmentDueWarned'), await s.stored(recovery(caseId), 'InstalmentMissed')];
    expect(await notices(paid.id)).toEqual([0, 0]);
    expect(await notices(moved.id)).toEqual([0, 0]);
    // Checked only once its grace had ended, the unpaid one is missed, and not warned after the fact.
    expect(await notices(unpaid.id)).toEqual([0, 1]);
  });

  it('records WriteOffApprovalMissed once on the recovery for a write-off waiting more than five days; the board names the supervisors', async () => {
    const { id: caseId, claimantIds } = await s.agreedCase(mediator, [80_000], '申请核销的案件');
    const { writeOffId } = await command(mediator, caseId, 'recovery/write-offs', { claimantId: claimantIds[0], reason: '用人单位已注销，无财产可供执行' }, 201);
    await t.worker.scheduleNow();
    t.clock.advanceDays(6);
    await t.scheduler.sweep();
    await eventually(async () => (await s.stored(recovery(caseId), 'WriteOffApprovalMissed')) === 1, 10_000, 'WriteOffApprovalMissed');
    const item = await eventually(async () => (await s.board(supervisor, { kind: 'write_off_approval', state: 'overdue' })).find((i) => i.itemId === writeOffId && i.missed), 10_000, 'the write-off on the board');
    expect(item).toMatchObject({ caseId, daysOver: 1, amountFen: 80_000, responsibleRole: 'supervisor', responsibleId: null });
    // In the inbox of a supervisor who may decide it; not in the mediator's, who asked for it.
    expect(((await supervisor.get('/api/inbox').expect(200)).body.items as BoardItem[]).some((i) => i.itemId === writeOffId)).toBe(true);
    expect(((await mediator.get('/api/inbox').expect(200)).body.items as BoardItem[]).some((i) => i.itemId === writeOffId)).toBe(false);
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await s.stored(recovery(caseId), 'WriteOffApprovalMissed')).toBe(1);
  });

  it('records DisbursementApprovalMissed once on the fund for a disbursement waiting more than five days, and nothing for one approved in time', async () => {
    const officer = await staffAs(t, 'fund_officer');
    const admin = await adminOf(t);
    const fund = await post(officer, '/api/aid/funds', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }, 201);
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'district_allocation', amountFen: 1_000_000, receivedOn: s.today(), reference: '顺工拨〔2026〕12号' }, 201);
    const programme = await post(admin, '/api/aid/programmes', { kind: 'special_hardship', name: '特困帮扶', fundId: fund.id, perBeneficiaryCapFen: 500_000 }, 201);
    const [waiting, approved] = await beneficiaryFiles(supervisor, officer).households(['张秀英', '李建国']);
    const request = async (beneficiary: object) => (await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId: programme.id, beneficiary, amountFen: 80_000, reason: '因病致困' }, 201)).id as string;
    const late = await request(waiting!);
    const onTime = await request(approved!);
    await post(supervisor, `/api/aid/disbursements/${onTime}/approve`, { note: '同意' }, 200);
    await t.worker.scheduleNow();
    const onFund = async (type: string, disbursementId: string) =>
      Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_name = $1 AND type = $2 AND data->>'disbursementId' = $3`, [`aid-fund-${fund.id}`, type, disbursementId]))[0].n);

    t.clock.advanceDays(4); // the day before the fifth
    await t.scheduler.sweep();
    await eventually(async () => (await onFund('DisbursementApprovalWarned', late)) === 1, 10_000, 'DisbursementApprovalWarned');
    t.clock.advanceDays(2); // the fifth day has ended
    await t.scheduler.sweep();
    await eventually(async () => (await onFund('DisbursementApprovalMissed', late)) === 1, 10_000, 'DisbursementApprovalMissed');
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect([await onFund('DisbursementApprovalWarned', late), await onFund('DisbursementApprovalMissed', late)]).toEqual([1, 1]);
    expect([await onFund('DisbursementApprovalWarned', onTime), await onFund('DisbursementApprovalMissed', onTime)]).toEqual([0, 0]);
    const [meta] = await t.sql<{ actor: string }>(`SELECT metadata->'actor'->>'staffId' AS actor FROM es_events WHERE stream_name = $1 AND type = 'DisbursementApprovalMissed'`, [`aid-fund-${fund.id}`]);
    expect(meta.actor).toBe('system');

    const item = await eventually(async () => (await s.board(supervisor, { kind: 'disbursement_approval', state: 'overdue' })).find((i) => i.itemId === late), 10_000, 'the disbursement on the board');
    expect(item).toMatchObject({ caseId: null, fundId: fund.id, daysOver: 1, amountFen: 80_000, missed: true, responsibleRole: 'supervisor', title: '特困帮扶 · 张秀英家长' });
    expect((await s.board(supervisor, { kind: 'disbursement_approval' })).some((i) => i.itemId === onTime)).toBe(false);
    expect(((await supervisor.get('/api/inbox').expect(200)).body.items as BoardItem[]).some((i) => i.itemId === late)).toBe(true);
    expect(((await mediator.get('/api/inbox').expect(200)).body.items as BoardItem[]).some((i) => i.itemId === late)).toBe(false);
    // A fund officer's inbox: the disbursements waiting, nothing of the cases'.
    const officersInbox = (await officer.get('/api/inbox').query({ pageSize: 200 }).expect(200)).body.items as BoardItem[];
    expect(officersInbox.some((i) => i.itemId === late)).toBe(true);
    expect(new Set(officersInbox.map((i) => i.kind))).toEqual(new Set(['disbursement_approval']));
    const timeline = async (lang: string) => ((await officer.get(`/api/aid/disbursements/${late}/timeline`).set('Accept-Language', lang).expect(200)).body as { type: string; description: string }[]).filter((e) => e.type === 'DisbursementApprovalMissed');
    expect((await timeline('zh-CN'))[0]!.description).toMatch(/^系统记录：\d{4}-\d{2}-\d{2}申请的向张秀英家长发放800\.00元至\d{4}-\d{2}-\d{2}仍未审批（逾期1天，待主管审批）$/);
    expect((await timeline('en'))[0]!.description).toMatch(/^Recorded by the system: the disbursement of ¥800\.00 to 张秀英家长 requested on/);
  });

  it('lets only an administrator set the instalment and approval policies, kept as events; a bad value is named in Chinese and English', async () => {
    const admin = await adminOf(t);
    expect((await supervisor.post('/api/deadline-policies/instalment').send({ graceDays: 3, warnDaysBefore: 1 })).status).toBe(403);
    const bad = await admin.post('/api/deadline-policies/instalment').send({ graceDays: -1, warnDaysBefore: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['graceDays', 'warnDaysBefore']);
    expect(JSON.stringify(bad.body)).toContain('宽限天数');
    const badEn = await admin.post('/api/deadline-policies/instalment').set('Accept-Language', 'en').send({ graceDays: -1, warnDaysBefore: 1 });
    expect(JSON.stringify(badEn.body)).toContain('must be at least 0');
    const warnTooLate = await admin.post('/api/deadline-policies/write-off-approval').send({ days: 3, warnDaysBefore: 3 });
    expect(warnTooLate.status).toBe(422);
    expect(warnTooLate.body.code).toBe('POLICY_VALUE_OUT_OF_RANGE');
    await admin.post('/api/deadline-policies/instalment').send({ graceDays: 10, warnDaysBefore: 5, reason: '春节前后放宽' }).expect(200);
    await admin.post('/api/deadline-policies/disbursement-approval').send({ days: 7, warnDaysBefore: 2 }).expect(200);
    const policies = (await mediator.get('/api/deadline-policies').expect(200)).body;
    expect(policies).toMatchObject({ instalment: { graceDays: 10, warnDaysBefore: 5 }, disbursementApproval: { days: 7, warnDaysBefore: 2 }, writeOffApproval: { days: 5, warnDaysBefore: 1 } });
    const events = await t.sql<{ type: string }>(`SELECT type FROM es_events WHERE stream_name = 'deadline-policies' ORDER BY stream_revision`);
    expect(events.map((e) => e.type)).toEqual(['InstalmentPolicySet', 'ApprovalPolicySet']);
  });
});

describe.each(QUEUE_BACKENDS)('instalment and approval jobs lost from the queue ($name)', ({ redisUrl }) => {
  let t: DeadlineTestApp;
  const s = steps(() => t);
  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
  });

  /** The instalments' and write-offs' jobs waiting (the case's own are the other suites' business). */
  const waitingIds = async (app: DeadlineTestApp) =>
    (await app.deadlines.queue.getJobs(['delayed', 'waiting']))
      .filter((j) => j.name !== SWEEP_JOB)
      .map((j) => j.id!)
      .filter((id) => id.includes('.instalment.') || id.includes('.write_off_approval.'))
      .sort();
  const stored = async (type: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE type = $1`, [type]))[0].n);

  it('are restored by the sweep when the worker starts again, and nothing fires twice', async () => {
    t = await startDeadlineApp(undefined, new MovableClock(), redisUrl);
    const mediator = await staffAs(t, 'mediator');
    const { id: caseId, claimantIds } = await s.agreedCase(mediator, [300_000, 200_000]);
    await s.plan(mediator, caseId, [
      { dueOn: addDays(s.today(), -10), amountFen: 200_000 },
      { dueOn: addDays(s.today(), 20), amountFen: 300_000 },
    ]);
    await command(mediator, caseId, 'recovery/write-offs', { claimantId: claimantIds[1], amountFen: 50_000, reason: '部分工时无法核实' }, 201);
    await eventually(async () => (await stored('InstalmentMissed')) === 1, 10_000, 'the first instalment missed');
    // Waiting: the second instalment's warning and miss, the write-off's warning and miss.
    const before = await eventually(async () => {
      await t.worker.scheduleNow();
      const ids = await waitingIds(t);
      return ids.length === 4 && ids;
    }, 10_000, 'the item jobs waiting');
    expect(before.filter((id) => id.includes('.instalment.')).every((id) => id.includes(`.${addDays(s.today(), 20)}.`))).toBe(true);

    const { db, clock } = t;
    await t.close();
    const queueOnly = new QueueBackend(db.url, redisUrl ?? undefined);
    const queue = queueOnly.queue(DEADLINE_QUEUE);
    await queue.obliterate({ force: true });
    expect(await queue.getJobCounts('delayed', 'waiting', 'completed')).toEqual({ delayed: 0, waiting: 0, completed: 0 });
    await queue.close();
    await queueOnly.close();

    t = await startDeadlineApp(db, clock, redisUrl);
    const after = await eventually(async () => {
      const ids = await waitingIds(t);
      return ids.length === before.length && ids;
    }, 15_000, 'the sweep to restore the jobs');
    expect(after).toEqual(before);
    expect((await t.scheduler.sweep()).restored).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect([await stored('InstalmentMissed'), await stored('InstalmentDueWarned'), await stored('WriteOffApprovalMissed'), await stored('WriteOffApprovalWarned')]).toEqual([1, 0, 0, 0]);
  });
});
