import { comparePositions } from '#event-store';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aHouseholdInHardship, aModelWorker, aStudentInHardship } from './aid-people-steps.js';
import { aGroupWageDispute } from './builders.js';

/** The period report's route: who may read it, what it refuses, and its shape on an empty system. */
describe('GET /api/reports/period', () => {
  let t: TestApp;
  let supervisor: StaffAgent;
  const period = { from: '2011-01-01', to: '2016-12-31' };

  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('is for supervisors, auditors and administrators; mediators and fund officers are refused', async () => {
    for (const role of ['auditor', 'administrator'] as const) await (await staffAs(t, role)).get('/api/reports/period').query(period).expect(200);
    for (const role of ['mediator', 'fund_officer'] as const) await (await staffAs(t, role)).get('/api/reports/period').query(period).expect(403);
    await t.http().get('/api/reports/period').query(period).expect(401);
  });

  it('refuses an end before the start, an unknown format or language, a missing date: 400 problem+json naming the field', async () => {
    const refused = async (query: Record<string, string>, field: string) => {
      const res = await supervisor.get('/api/reports/period').set('Accept-Language', 'en').query(query).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refused({ from: '2016-12-31', to: '2011-01-01' }, 'to');
    await refused({ ...period, format: 'pdf' }, 'format');
    await refused({ ...period, lang: 'fr' }, 'lang');
    await refused({ to: '2016-12-31' }, 'from');
    await refused({ from: '2016-02-30', to: '2016-12-31' }, 'from');
  });

  it('on an empty system every figure is there, zero, with its definition; the language follows lang= over Accept-Language', async () => {
    const zh = (await supervisor.get('/api/reports/period').set('Accept-Language', 'en').query({ ...period, lang: 'zh-CN' }).expect(200)).body;
    expect(zh).toMatchObject({ from: period.from, to: period.to, lang: 'zh', title: '工会工作期间报告' });
    const names = zh.figures.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['cases_handled', 'workers_involved', 'wages_recovered', 'aid_raised', 'student_grant_students', 'student_grant_amount', 'households_visited', 'model_worker_person_visits', 'model_workers', 'organisations_at_start', 'organisations_at_end', 'members_at_end', 'workers_homes']));
    for (const f of zh.figures) expect(f.value).toBe(0);
    expect(zh.figures.find((f: { name: string }) => f.name === 'wages_recovered')).toMatchObject({ kind: 'money', yuan: '0.00元' });
    const en = (await supervisor.get('/api/reports/period').query({ ...period, lang: 'en' }).expect(200)).body;
    expect(en.title).toBe('Period report of the union’s work');
    expect(en.figures.find((f: { name: string }) => f.name === 'cases_handled').label).toBe('Labour-dispute cases handled');
  });

  it('the CSV in English has English headers and a byte-order mark', async () => {
    const res = await supervisor.get('/api/reports/period').query({ ...period, lang: 'en', format: 'csv' }).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="period-report-${period.from}-${period.to}-en.csv"`);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text.slice(1).split('\r\n')[0]).toBe('Figure,Label,Value,Amount (fen),On,Definition,Source query');
  });

  it('refuses an asOf that is neither an instant with its offset nor a log position: 400 naming it, in both languages', async () => {
    for (const asOf of ['2016-12-31', '2016-12-31T09:30:00', 'yesterday', '12:ab', '2016-02-30T00:00:00Z']) {
      const res = await supervisor.get('/api/reports/period').set('Accept-Language', 'en').query({ ...period, asOf }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
      const zh = await supervisor.get('/api/reports/period').query({ ...period, asOf }).expect(400);
      expect(zh.body.detail).toContain('截至时刻');
    }
  });

  /**
   * As of a position P: facts recorded after P do not count, and facts withdrawn after P still do
   * (a grant cancelled, a visit withdrawn, an income entry reversed, a declined case reopened);
   * an organisation dissolved, a model worker removed and a member recount after P do not move it.
   */
  it('as of a position or an instant, the figures stand as they stood then; the current report moves by exactly what came after', async () => {
    const officer = await staffAs(t, 'fund_officer');
    const boss = await staffAs(t, 'supervisor');
    const mediator = await staffAs(t, 'mediator');
    const positions: string[] = [];
    const ok = async (req: Promise<{ status: number; body: any }>, status: number) => {
      const res = await req;
      if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      if (res.body.position) positions.push(res.body.position);
      return res.body;
    };
    const latest = () => [...positions].sort(comparePositions).at(-1)!;
    const figures = async (query: Record<string, string> = {}) => {
      const body = (await supervisor.get('/api/reports/period').query({ ...period, minPosition: latest(), ...query }).expect(200)).body;
      return { asOf: body.asOf, values: Object.fromEntries((body.figures as { name: string; value: number }[]).map((f) => [f.name, f.value])) };
    };

    // Before P: two cases (one declined), a fund with income and a grant, visits, a model worker, an organisation.
    await ok(mediator.post('/api/disputes').send(aGroupWageDispute({ application: { kind: 'written', receivedAt: '2014-05-06' } }, 3)), 201);
    const declined = await ok(mediator.post('/api/disputes').send(aGroupWageDispute({ application: { kind: 'written', receivedAt: '2014-06-09' } }, 2)), 201);
    await ok(mediator.post(`/api/disputes/${declined.id}/decline`).send({ reason: '不属于受理范围' }), 200);
    const fund = await ok(officer.post('/api/aid/funds').send({ name: '帮扶资金', kind: 'hardship_aid' }), 201);
    const income = await ok(officer.post(`/api/aid/funds/${fund.id}/income`).send({ source: 'district_allocation', amountFen: 5_000_000, receivedOn: '2014-01-13', reference: '顺工拨〔2014〕3号' }), 201);
    const admin = await staffAs(t, 'administrator');
    const programme = await ok(admin.post('/api/aid/programmes').send({ kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: 200_000 }), 201);
    const grant = async (yuan: number) => {
      const student = await aStudentInHardship(officer, boss, `学生${yuan}`);
      const asked = await ok(officer.post('/api/aid/disbursements').send({ fundId: fund.id, programmeId: programme.id, beneficiary: student, amountFen: yuan * 100, reason: '助学', requestedOn: '2014-09-01' }), 201);
      await ok(boss.post(`/api/aid/disbursements/${asked.id}/approve`).send({ approvedOn: '2014-09-05' }), 200);
      return asked.id as string;
    };
    const grantBefore = await grant(1_000);
    const household = await aHouseholdInHardship(officer, boss, '张家', { openedOn: '2013-01-05' });
    const visit = await ok(officer.post('/api/aid/care-visits').send({ visitee: household, visitedOn: '2014-01-20', visitors: ['刘明'] }), 201);
    const worker = await aModelWorker(officer, boss, '王劳模', 'municipal', 2010);
    const org = await ok(officer.post('/api/organisations').send({ name: '仁和镇某厂工会', enterprise: { name: '仁和镇某厂' }, foundedOn: '2012-03-01' }), 201);
    await ok(officer.post(`/api/organisations/${org.id}/member-counts`).send({ countedOn: '2016-12-01', members: 120 }), 200);

    const P = latest();
    const atP = await figures();
    expect(atP.asOf.position).toBe(P);
    expect(atP.values).toMatchObject({
      cases_handled: 1, workers_involved: 3, aid_raised: 5_000_000, student_grant_students: 1, student_grant_amount: 100_000,
      households_visited: 1, model_workers: 1, organisations_at_end: 1, members_at_end: 120,
    });

    // After P: each earlier fact withdrawn or ended, and new ones recorded.
    await ok(boss.post(`/api/aid/disbursements/${grantBefore}/cancel`).send({ reason: '重复申请' }), 200);
    await grant(1_500);
    await ok(officer.post(`/api/aid/care-visits/${visit.id}/withdraw`).send({ reason: '误录' }), 200);
    await ok(officer.post(`/api/aid/funds/${fund.id}/income`).send({ source: 'other', amountFen: 300_000, receivedOn: '2015-01-12', reference: '经费划拨' }), 201);
    await ok(officer.post(`/api/aid/funds/${fund.id}/income/${income.entryId}/corrections`).send({ reason: '重复入账' }), 201);
    await ok(boss.post(`/api/disputes/${declined.id}/reopen`).send({ reason: '重新审查' }), 200);
    await ok(officer.post(`/api/aid/model-workers/${worker.id}/remove`).send({ removedOn: '2016-06-01', reason: '迁出本镇' }), 200);
    await ok(officer.post(`/api/organisations/${org.id}/member-counts`).send({ countedOn: '2016-12-01', members: 150 }), 200);
    await ok(officer.post(`/api/organisations/${org.id}/dissolve`).send({ dissolvedOn: '2016-12-20', reason: '企业关闭' }), 200);

    const now = await figures();
    expect(now.values).toEqual({
      ...atP.values,
      cases_handled: 2, workers_involved: 5,
      aid_raised: 300_000, student_grant_students: 1, student_grant_amount: 150_000,
      households_visited: 0, model_workers: 0, organisations_at_end: 0, members_at_end: 0,
    });
    // The recount alone, seen on a day before the dissolution.
    expect((await figures({ to: '2016-12-10' })).values.members_at_end).toBe(150);
    expect((await figures({ to: '2016-12-10', asOf: P })).values.members_at_end).toBe(120);

    // As of P: unchanged, by position and by the instant its event was recorded.
    for (const asOf of [P, atP.asOf.recordedAt]) {
      const then = await figures({ asOf });
      expect(then.values).toEqual(atP.values);
      expect(then.asOf).toEqual({ requested: asOf, position: P, recordedAt: atP.asOf.recordedAt, complete: true });
    }
    // Before the first event: nothing; a position past the log's end: the latest.
    const none = await figures({ asOf: '2000-01-01T00:00:00+08:00' });
    expect(none.asOf).toMatchObject({ position: '0:0', recordedAt: null });
    expect(Object.values(none.values).every((v) => v === 0)).toBe(true);
    for (const asOf of ['99999999999:1', '99999999999999999999:99999999999999999999']) {
      const beyond = await figures({ asOf });
      expect(beyond.values).toEqual(now.values);
      expect(beyond.asOf.complete).toBe(true);
      expect(comparePositions(beyond.asOf.position, latest())).toBeGreaterThanOrEqual(0);
    }
    // A position that names no event stands at the last event before it.
    const [tx, seq] = P.split(':');
    const between = `${tx}:${BigInt(seq!) + 1n}`;
    const at = (await figures({ asOf: between })).asOf;
    expect([comparePositions(at.position, P) >= 0, comparePositions(at.position, between) <= 0, at.recordedAt !== null]).toEqual([true, true, true]);
  });

  it('is documented: the JSON schema and the CSV and XLSX content types', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const ok = doc.paths['/api/reports/period'].get.responses['200'].content;
    expect(Object.keys(ok).sort()).toEqual(['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv; charset=utf-8']);
    expect(ok['application/json'].schema.$ref).toBe('#/components/schemas/PeriodReportView');
    expect(Object.keys(doc.components.schemas.PeriodReportView.properties)).toEqual(['from', 'to', 'lang', 'title', 'asOf', 'figures']);
  });
});
