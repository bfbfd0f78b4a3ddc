import { randomUUID } from 'node:crypto';
import { addDays, beijingDay } from '#domain';
import { rebuildProjection } from '#projections';
import { deadlinesProjection, disputeCasesProjection } from '#read-models';
import { EVENT_STORE } from '#platform';
import type { EventStore } from '#event-store';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { adminOf, staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';
import { eventually, MovableClock, QUEUE_BACKENDS, startDeadlineApp, type DeadlineTestApp } from './deadlines-app.js';

describe.each(QUEUE_BACKENDS)('deadlines ($name)', ({ redisUrl }) => {
  let t: DeadlineTestApp;
  let mediator: StaffAgent;
  let supervisor: StaffAgent;
  let position = '';
  const today = () => beijingDay(t.clock.now().toISOString());

  beforeAll(async () => {
    t = await startDeadlineApp(undefined, new MovableClock(), redisUrl);
    mediator = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
  });

  const openReceived = async (receivedAt: string, title = '宏达建材拖欠工资案') => {
    const res = await mediator.post('/api/disputes').send(aGroupWageDispute({ title, application: { kind: 'written', receivedAt } }, 2)).expect(201);
    position = res.body.position;
    return res.body.id as string;
  };
  const storedCount = async (caseId: string, type: string) =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_name = $1 AND type = $2`, [`dispute-${caseId}`, type]))[0].n);
  const timelineOf = async (caseId: string, lang: 'zh-CN' | 'en') => (await supervisor.get(`/api/disputes/${caseId}/timeline`).set('Accept-Language', lang).expect(200)).body as { type: string; description: string }[];

  it('shows a case back-entered as received 20 days ago as overdue within seconds, and records DeadlineMissed once, in Chinese and English, even after a rebuild', async () => {
    const caseId = await openReceived(addDays(today(), -20));
    const started = Date.now();
    const item = await eventually(async () => {
      const board = (await supervisor.get('/api/deadlines').query({ state: 'overdue', kind: 'mediation' }).expect(200)).body;
      return board.items.find((i: { caseId: string }) => i.caseId === caseId);
    }, 10_000, 'the case on the board');
    expect(item).toMatchObject({ kind: 'mediation', state: 'overdue', daysOver: 5, dueOn: addDays(today(), -5), responsibleId: mediator.staffId });
    const entries = await eventually(async () => {
      const all = await timelineOf(caseId, 'zh-CN');
      return all.some((e) => e.type === 'DeadlineMissed') && all;
    }, 10_000, 'DeadlineMissed in the timeline');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(entries.filter((e) => e.type === 'DeadlineMissed')).toHaveLength(1);
    expect(entries.find((e) => e.type === 'DeadlineMissed')!.description).toMatch(/^系统记录：调解期限已于\d{4}-\d{2}-\d{2}届满，未达成调解协议/);
    expect((await timelineOf(caseId, 'en')).find((e) => e.type === 'DeadlineMissed')!.description).toMatch(/^Recorded by the system: the mediation period ended on/);
    // The system recorded it, and the miss shows on the board as recorded.
    const [meta] = await t.sql<{ actor: string }>(`SELECT metadata->'actor'->>'staffId' AS actor FROM es_events WHERE stream_name = $1 AND type = 'DeadlineMissed'`, [`dispute-${caseId}`]);
    expect(meta.actor).toBe('system');

    // projections:rebuild: the projector replays every event; the scheduler sees every row as new.
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const store = t.app.get<EventStore>(EVENT_STORE);
    await rebuildProjection(store, ds, deadlinesProjection);
    await rebuildProjection(store, ds, disputeCasesProjection);
    await t.worker.scheduleNow();
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedCount(caseId, 'DeadlineMissed')).toBe(1);
    expect((await timelineOf(caseId, 'zh-CN')).filter((e) => e.type === 'DeadlineMissed')).toHaveLength(1);
  });

  it('a case whose dates no calendar has (put into the log by hand) is passed over: the deadlines of the cases after it are still scheduled', async () => {
    const poisonId = randomUUID();
    const at = new Date().toISOString();
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(`dispute-${poisonId}`, [
      {
        id: randomUUID(),
        type: 'DisputeCaseOpened',
        data: {
          caseId: poisonId,
          title: '手工写入的案件',
          category: 'unpaid_wages',
          description: '收到时间超出日历',
          application: { kind: 'written', receivedAt: '9999-12-31T23:00:00-12:00' },
          respondent: { employerId: null, name: '某公司' },
          claimants: [{ claimantId: randomUUID(), workerId: null, name: '张三' }],
          mediatorId: mediator.staffId,
          openedBy: supervisor.staffId,
          openedAt: at,
        },
        metadata: { actor: { staffId: supervisor.staffId, role: 'supervisor' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: at, schemaVersion: 1 },
      },
    ], { expectedRevision: 'no_stream' });
    const caseId = await openReceived(today(), '毒丸之后收到的案件');
    const jobs = await eventually(async () => {
      await t.worker.scheduleNow();
      const ids = (await t.deadlines.queue.getJobs(['delayed', 'waiting'])).filter((j) => (j.data as { caseId?: string })?.caseId === caseId).map((j) => j.id!);
      return ids.length > 0 && ids;
    }, 10_000, 'the jobs of the case opened after the bad one');
    expect(jobs.some((id) => id.startsWith('missed.mediation.'))).toBe(true);
    expect((await t.deadlines.queue.getJobs(['delayed', 'waiting'])).filter((j) => (j.data as { caseId?: string })?.caseId === poisonId)).toEqual([]);
    // The board, the inbox and the metrics still answer.
    await supervisor.get('/api/deadlines').expect(200);
    await mediator.get('/api/inbox').expect(200);
    await t.http().get('/metrics').expect(200);
  });

  it('gives the inbox a page at a time, overdue first, then due soon, every item once', async () => {
    const overdue = await openReceived(addDays(today(), -20), '早已逾期的案件');
    const soon = await openReceived(addDays(today(), -13), '即将到期的案件');
    const whole = (await mediator.get('/api/inbox').query({ pageSize: 200, minPosition: position }).expect(200)).body;
    const ids = (items: { caseId: string; kind: string; state: string }[]) => items.map((i) => `${i.caseId}/${i.kind}`);
    expect(ids(whole.items)).toEqual(expect.arrayContaining([`${overdue}/mediation`, `${soon}/mediation`]));
    const states = whole.items.map((i: { state: string }) => i.state);
    expect(states).toEqual([...states].sort((a: string, b: string) => (a === b ? 0 : a === 'overdue' ? -1 : 1)));
    const pages: { caseId: string; kind: string; state: string }[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 2); page++) {
      const body = (await mediator.get('/api/inbox').query({ page, pageSize: 2 }).expect(200)).body;
      expect(body).toMatchObject({ page, pageSize: 2, total: whole.total });
      pages.push(...body.items);
    }
    expect(ids(pages)).toEqual(ids(whole.items));
    expect((await mediator.get('/api/inbox').query({ pageSize: 201 }).expect(400)).body.errors[0].field).toBe('pageSize');
  });

  it('records DeadlineWarned then DeadlineMissed once each as the injected clock passes the warning and the due day', async () => {
    const caseId = await openReceived(today(), '今天收到的案件');
    const board = async () => (await supervisor.get(`/api/deadlines/cases/${caseId}`).query({ minPosition: position }).expect(200)).body;
    expect(await board()).toMatchObject({ receivedOn: today(), dueOn: addDays(today(), 15), daysLeft: 15, paused: false, state: 'upcoming' });
    await t.worker.scheduleNow(); // its jobs wait in the queue for the real 12 and 15 days
    expect(await storedCount(caseId, 'DeadlineWarned')).toBe(0);

    t.clock.advanceDays(13); // the warning day (3 days before the 15th) has begun
    await t.scheduler.sweep();
    await eventually(async () => (await storedCount(caseId, 'DeadlineWarned')) === 1, 10_000, 'DeadlineWarned');
    expect(await storedCount(caseId, 'DeadlineMissed')).toBe(0);
    expect(await board()).toMatchObject({ state: 'due_soon', daysLeft: 2 });

    t.clock.advanceDays(3); // the 15th day has ended
    await t.scheduler.sweep();
    await eventually(async () => (await storedCount(caseId, 'DeadlineMissed')) === 1, 10_000, 'DeadlineMissed');
    await t.scheduler.sweep();
    await new Promise((r) => setTimeout(r, 1000));
    expect([await storedCount(caseId, 'DeadlineWarned'), await storedCount(caseId, 'DeadlineMissed')]).toEqual([1, 1]);
    const types = (await timelineOf(caseId, 'en')).map((e) => e.type);
    expect(types.filter((x) => x.startsWith('Deadline'))).toEqual(['DeadlineWarned', 'DeadlineMissed']);
    t.clock.offsetMs = 0;
  });

  it('moves the due day by the days the clock stood paused, for a reason the policy allows', async () => {
    const caseId = await openReceived(today(), '暂停计时的案件');
    const pause = await mediator.post(`/api/disputes/${caseId}/mediation-clock/pause`).send({ reason: 'party_unreachable', note: '被申请人负责人电话无法接通' });
    expect(pause.status).toBe(200);
    position = pause.body.position;
    const refused = await mediator.post(`/api/disputes/${caseId}/mediation-clock/pause`).send({ reason: 'parties_request', note: '双方申请' }).set('Accept-Language', 'en');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PAUSE_REASON_NOT_ALLOWED');
    t.clock.advanceDays(4);
    expect((await supervisor.get(`/api/deadlines/cases/${caseId}`).query({ minPosition: position }).expect(200)).body).toMatchObject({ paused: true, state: 'paused' });
    await mediator.post(`/api/disputes/${caseId}/mediation-clock/resume`).expect(200);
    const clock = await eventually(async () => {
      const body = (await supervisor.get(`/api/deadlines/cases/${caseId}`).expect(200)).body;
      return body.paused === false && body;
    }, 10_000, 'the resumed clock');
    expect(clock).toMatchObject({ dueOn: addDays(today(), 15), pausedDays: 4 }); // today() is 4 days on: received + 19
    const zh = (await timelineOf(caseId, 'zh-CN')).map((e) => e.description);
    expect(zh.some((d) => d.includes('暂停调解期限计时（理由：当事人无法联系'))).toBe(true);
    expect(zh.some((d) => d.includes('恢复调解期限计时（暂停4天）'))).toBe(true);
    t.clock.offsetMs = 0;
  });

  it('shows a cadre with no training this year as missed on the duties board, and one with four as met', async () => {
    const year = Number(today().slice(0, 4)) - 1; // a year that has ended: every duty is judged
    // Cadres since before that year (the clock moved back while their accounts are made): a
    // cadre is asked only for the periods they were one from the first day.
    t.clock.advanceDays(-800);
    const [trained, idle] = [await staffAs(t, 'mediator'), await staffAs(t, 'mediator')];
    t.clock.advanceDays(800);
    for (const month of ['02', '05', '08', '11']) {
      await trained.post('/api/cadre-activities').send({ kind: 'training', on: `${year}-${month}-10`, title: `区总工会调解员培训（${month}月）` }).expect(201);
    }
    const other = await supervisor.post('/api/cadre-activities').send({ cadreId: trained.staffId, kind: 'key_enterprise_visit', on: `${year}-12-01`, title: '年末走访', enterpriseName: '仁和镇宏达建材有限公司' });
    expect(other.status).toBe(201);
    const duties = await eventually(async () => {
      const body = (await supervisor.get('/api/deadlines/duties').query({ year, quarter: 4 }).expect(200)).body;
      const row = body.cadres.find((c: { cadreId: string }) => c.cadreId === trained.staffId);
      return row?.trainings.count === 4 && row.keyEnterpriseVisits.count === 1 && body;
    }, 10_000, 'the duties board');
    const none = duties.cadres.find((c: { cadreId: string }) => c.cadreId === idle.staffId);
    expect(none.trainings).toEqual({ count: 0, required: 4, state: 'missed', expectedByNow: 4 });
    expect(none.missed).toBe(true);
    // A mediator since today owed nothing last year.
    const newcomer = duties.cadres.find((c: { cadreId: string }) => c.cadreId === mediator.staffId);
    expect(newcomer).toMatchObject({ trainings: { count: 0, required: 0, state: 'met' }, keyEnterpriseVisits: { required: 0, state: 'met' }, missed: false });
    expect(newcomer.followUps.monthsWithout).toEqual([]);
    const done = duties.cadres.find((c: { cadreId: string }) => c.cadreId === trained.staffId);
    expect(done.trainings.state).toBe('met');
    expect(done.keyEnterpriseVisits.state).toBe('met');
    // A mediator records only their own.
    const forOther = await trained.post('/api/cadre-activities').send({ cadreId: mediator.staffId, kind: 'training', on: `${year}-03-01`, title: '培训' });
    expect(forOther.status).toBe(422);
  });

  it('lets only an administrator set policies, kept as events', async () => {
    const admin = await adminOf(t);
    expect((await supervisor.post('/api/deadline-policies/mediation').send({ days: 10, warnDaysBefore: 2, pauseReasons: ['party_unreachable'] })).status).toBe(403);
    expect((await admin.post('/api/deadline-policies/mediation').send({ days: 20, warnDaysBefore: 2, pauseReasons: [] })).status).toBe(400);
    await admin.post('/api/deadline-policies/follow-up').send({ intervalMonths: 1, warnDaysBefore: 7, reason: '提前一周提醒' }).expect(200);
    const policies = (await supervisor.get('/api/deadline-policies').expect(200)).body;
    expect(policies).toMatchObject({ followUp: { intervalMonths: 1, warnDaysBefore: 7 }, mediation: { days: 15 }, revision: 0 });
  });
});

describe.each(QUEUE_BACKENDS)('the job dashboard at /admin/queues ($name)', ({ redisUrl }) => {
  let t: DeadlineTestApp;
  beforeAll(async () => (t = await startDeadlineApp(undefined, new MovableClock(), redisUrl)));
  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
  });

  it('answers administrators only: 401 without a token, 403 for a supervisor, the deadline queue for an administrator', async () => {
    const admin = await adminOf(t);
    const supervisor = await staffAs(t, 'supervisor');
    expect((await t.http().get('/admin/queues/api/queues')).status).toBe(401);
    expect((await supervisor.get('/admin/queues/api/queues')).status).toBe(403);
    expect((await supervisor.get('/admin/queues')).status).toBe(403);
    const queues = await admin.get('/admin/queues/api/queues').query({ activeQueue: 'deadlines', status: 'delayed', page: '1' });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['deadlines']);
    const page = await admin.get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
  });

  it('reports the queue in /health and deadline counts in /metrics', async () => {
    const mediator = await staffAs(t, 'mediator');
    const received = addDays(beijingDay(t.clock.now().toISOString()), -20);
    await mediator.post('/api/disputes').send(aGroupWageDispute({ application: { kind: 'written', receivedAt: received } }, 1)).expect(201);
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.checks['queue:deadlines']).toMatchObject({ status: 'up', detail: { backend: redisUrl ? 'redis' : 'postgres' } });
    const metrics = await eventually(async () => {
      const text = (await t.http().get('/metrics').expect(200)).text;
      return text.includes('deadlines{kind="mediation",state="overdue"} 1') && text;
    }, 10_000, 'the overdue deadline in /metrics');
    expect(metrics).toMatch(/deadline_jobs\{state="delayed"\} \d+/);
  });
});
