import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

  it('is documented: the JSON schema and the CSV and XLSX content types', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const ok = doc.paths['/api/reports/period'].get.responses['200'].content;
    expect(Object.keys(ok).sort()).toEqual(['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv; charset=utf-8']);
    expect(ok['application/json'].schema.$ref).toBe('#/components/schemas/PeriodReportView');
    expect(Object.keys(doc.components.schemas.PeriodReportView.properties)).toEqual(['from', 'to', 'lang', 'title', 'asOf', 'figures']);
  });
});
