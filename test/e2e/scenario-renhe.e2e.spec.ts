import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { formatYuan } from '#domain';
import { comparePositions } from '#event-store';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { HOUSEHOLDS, PERIOD, SEED_TABLE, type SeedFigure } from '../../apps/cli/src/scenario/renhe-data.js';
import { recordRenhe } from '../../apps/cli/src/scenario/renhe-record.js';
import { differencesFromSeed } from '../../apps/cli/src/scenario/renhe-report.js';

const binary = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];
const MONEY = new Set<string>(['wages_recovered', 'wages_paid_to_workers', 'aid_raised', 'student_grant_amount']);
const SEED = Object.entries(SEED_TABLE) as [SeedFigure, number][];

/** A CSV line's cells (RFC 4180 quoting: a quoted cell may hold commas, doubled quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

/**
 * Issue 13, items 5 and 6: the five-year scenario recorded through HTTP on a fresh system, then the
 * period report for 2011–2016 in JSON, CSV and XLSX, Chinese and English, compared with the seed's
 * table figure by figure, none skipped; then the same report as of that moment after more was recorded.
 */
describe('the Renhe scenario and the period report', () => {
  let t: TestApp;
  let auditor: StaffAgent;
  let lastPosition: string;
  let progress: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    progress = [];
    ({ lastPosition } = await recordRenhe({ baseUrl: `http://127.0.0.1:${port}`, admin: TEST_ADMIN, progress: (line) => progress.push(line) }));
    auditor = await staffAs(t, 'auditor');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  const report = (query: Record<string, string>) => auditor.get('/api/reports/period').query({ ...PERIOD, minPosition: lastPosition, ...query });
  const langOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

  /** The seed's figures as the CSV shows them: counts as numbers, money as formatted yuan with the fen beside. */
  const expectCsvEqualsSeed = async (query: Record<string, string>, lang: Lang) => {
    const res = await report({ ...query, format: 'csv', lang: langOf(lang) }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(lang === 'zh' ? ['指标', '名称', '数值', '金额（分）', '截至日期', '定义', '查询来源'] : ['Figure', 'Label', 'Value', 'Amount (fen)', 'On', 'Definition', 'Source query']);
    const byName = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    for (const [name, value] of SEED) {
      const row = byName.get(name)!;
      expect([name, ...(MONEY.has(name) ? [row[2], row[3]] : [row[2]])]).toEqual([name, ...(MONEY.has(name) ? [formatYuan(value, lang), String(value)] : [String(value)])]);
    }
    return byName;
  };

  const expectXlsxEqualsSeed = async (query: Record<string, string>, lang: Lang) => {
    const res = await report({ ...query, format: 'xlsx', lang: langOf(lang) }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    const bytes = res.body as Buffer;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe(lang === 'zh' ? '期间报告' : 'Period report');
    const cells = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 2) cells.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    for (const [name, value] of SEED) {
      const row = cells.get(name)!;
      expect([name, ...(MONEY.has(name) ? [row[2], row[3]] : [row[2]])]).toEqual([name, ...(MONEY.has(name) ? [formatYuan(value, lang), value] : [value])]);
    }
    return { sheet, cells };
  };

  it('says how it goes while it records', () => {
    expect(progress.filter((l) => l.startsWith('case '))).toHaveLength(18);
    expect(progress.at(-1)).toMatch(/^aid fund: .*26 student grants approved and paid/);
  });

  it('the JSON report for 2011–2016 equals the seed’s table, every figure (the 26 grants of 35,000 yuan included), each with its definition and its events, in Chinese and in English', async () => {
    for (const lang of LANGS) {
      const body = (await report({ lang: langOf(lang) }).expect(200)).body;
      expect(differencesFromSeed(body.figures)).toEqual([]);
      expect(body.figures.filter((f: { name: string }) => f.name in SEED_TABLE)).toHaveLength(SEED.length);
      for (const f of body.figures) {
        expect(f.definition.length).toBeGreaterThan(10);
        expect(f.source).toMatch(/^report_facts\[/);
        expect(f.events.length).toBeGreaterThan(0);
      }
      expect(body.asOf).toMatchObject({ requested: null, complete: true });
    }
    const zh = (await report({ lang: 'zh-CN' }).expect(200)).body;
    expect(zh.figures.find((f: { name: string }) => f.name === 'wages_recovered')).toMatchObject({ kind: 'money', value: 243_200_000, yuan: '2,432,000.00元', label: '为职工追回工资' });
    expect(zh.figures.find((f: { name: string }) => f.name === 'student_grant_amount')).toMatchObject({ value: 3_500_000, yuan: '35,000.00元', events: ['DisbursementApproved', 'DisbursementCancelled', 'DisbursementRejected'] });
    const en = (await report({ lang: 'en' }).expect(200)).body;
    expect(en.figures.find((f: { name: string }) => f.name === 'wages_recovered')).toMatchObject({ yuan: '¥2,432,000.00', label: 'Wages recovered for workers' });
    expect(en.figures.find((f: { name: string }) => f.name === 'households_visited').definition).toMatch(/Households in hardship visited/);
  });

  it('every figure is the one its area’s stats route gives for the same period', async () => {
    const q = { ...PERIOD, minPosition: lastPosition };
    const figures = new Map<string, number>(((await report({}).expect(200)).body.figures as { name: string; value: number }[]).map((f) => [f.name, f.value]));
    const disputes = (await auditor.get('/api/disputes/stats').query(q).expect(200)).body;
    const recovery = (await auditor.get('/api/recoveries/stats').query(q).expect(200)).body;
    const people = (await auditor.get('/api/aid/people-stats').query(q).expect(200)).body;
    const aid = (await auditor.get('/api/aid/stats').query(q).expect(200)).body;
    const rec = (name: string) => recovery.figures.find((f: { name: string }) => f.name === name).valueFen;
    expect(Object.fromEntries(figures)).toEqual({
      cases_handled: disputes.casesHandled.value,
      workers_involved: disputes.workersInvolved.value,
      wages_recovered: rec('wages_recovered'),
      wages_paid_to_workers: rec('paid_to_workers'),
      aid_raised: aid.aidRaised.totalFen,
      households_visited: people.householdsVisited.value,
      model_worker_person_visits: people.modelWorkerPersonVisits.value,
      model_workers: people.modelWorkersOnRoll.nationalOrMunicipal,
      student_grant_students: aid.studentGrants.students,
      student_grant_amount: aid.studentGrants.amountFen,
      organisations_at_start: people.organisationsAtStart.value,
      organisations_at_end: people.organisationsAtEnd.value,
      members_at_start: people.membersAtStart.value,
      members_at_end: people.membersAtEnd.value,
      workers_homes: people.workersHomesRated.value,
    });
    // The grants were paid on their own days too.
    expect(aid.aidPaid.totalFen).toBe(SEED_TABLE.student_grant_amount);
  });

  it('the CSV is UTF-8 with a byte-order mark and holds every figure of the seed’s table, in Chinese and in English', async () => {
    for (const lang of LANGS) {
      const rows = await expectCsvEqualsSeed({}, lang);
      expect(rows.get('members_at_end')!.slice(2, 5)).toEqual(['7380', '', PERIOD.to]);
      expect(rows.get('as_of_position')![2]).toMatch(/^\d+:\d+$/);
    }
  });

  it('the XLSX opens with exceljs and holds every figure of the seed’s table in its cells, in Chinese and in English', async () => {
    const zh = await expectXlsxEqualsSeed({}, 'zh');
    expect(zh.sheet.getRow(2).values).toEqual([undefined, '指标', '名称', '数值', '金额（分）', '截至日期', '定义', '查询来源']);
    const en = await expectXlsxEqualsSeed({}, 'en');
    expect(en.sheet.getRow(2).getCell(6).value).toBe('Definition');
    expect(en.sheet.getRow(3).getCell(2).value).toBe('Labour-dispute cases handled');
  });

  it('as of the scenario’s last position, after more is recorded and an earlier visit, income entry and grant are withdrawn: the seed’s table still, in every format; the current report moves by exactly that', async () => {
    const before = (await report({}).expect(200)).body;
    const P: string = before.asOf.position;
    expect(comparePositions(P, lastPosition)).toBeGreaterThanOrEqual(0);
    const officer = await staffAs(t, 'fund_officer');
    const supervisor = await staffAs(t, 'supervisor');
    const track: string[] = [];
    const ok = (res: { body: { position?: string; id?: string } }) => (res.body.position && track.push(res.body.position), res.body as { id: string; position: string });

    // A visit to a model worker in 2013 withdrawn as recorded in error (a fact recorded before P, withdrawn after).
    const visits = (await auditor.get('/api/aid/care-visits').query({ visiteeKind: 'model_worker', from: '2013-01-01', to: '2013-12-31', pageSize: '1' }).expect(200)).body.items;
    ok(await officer.post(`/api/aid/care-visits/${visits[0].id}/withdraw`).send({ reason: '重复登记' }).expect(200));
    // The 2016 transfer from the town union reversed.
    const [fund] = (await auditor.get('/api/aid/funds').expect(200)).body;
    const page = (await auditor.get(`/api/aid/funds/${fund.id}`).query({ from: '2016-06-30', to: '2016-06-30' }).expect(200)).body;
    const entry = page.income.entries.find((e: { amountFen: number }) => e.amountFen === 1_000_000);
    ok(await officer.post(`/api/aid/funds/${fund.id}/income/${entry.entryId}/corrections`).send({ reason: '重复入账' }).expect(201));
    // A 27th grant back-dated to 2015, and a 28th approved then cancelled.
    const grant = async (household: number, yuan: number) => {
      const student = ok(await officer.post(`/api/aid/households/${await householdId(household)}/students`).send({ name: `补录学生${household}`, school: '仁和镇中学', grade: '初一' }).expect(201));
      const asked = ok(await officer.post('/api/aid/disbursements').send({ fundId: fund.id, programmeId: await programmeId(), beneficiary: { kind: 'student', id: student.id }, amountFen: yuan * 100, reason: '补录', requestedOn: '2015-09-10' }).expect(201));
      ok(await supervisor.post(`/api/aid/disbursements/${asked.id}/approve`).send({ approvedOn: '2015-09-12' }).expect(200));
      return asked.id as string;
    };
    await grant(40, 1_000);
    const cancelled = await grant(46, 1_200);
    ok(await supervisor.post(`/api/aid/disbursements/${cancelled}/cancel`).send({ reason: '重复申请' }).expect(200));
    const latest = track.sort(comparePositions).at(-1)!;

    const now = (await report({ minPosition: latest }).expect(200)).body;
    const changed = Object.fromEntries((now.figures as { name: string; value: number }[]).filter((f) => f.value !== before.figures.find((b: { name: string }) => b.name === f.name).value).map((f) => [f.name, f.value]));
    expect(changed).toEqual({
      model_worker_person_visits: SEED_TABLE.model_worker_person_visits - 1,
      aid_raised: SEED_TABLE.aid_raised - 1_000_000,
      student_grant_students: SEED_TABLE.student_grant_students + 1,
      student_grant_amount: SEED_TABLE.student_grant_amount + 100_000,
    });

    // As of P, by position and by the instant its event was recorded: the seed's table, in JSON, CSV and XLSX, in both languages.
    for (const asOf of [P, before.asOf.recordedAt.replace('Z', '+00:00')]) {
      for (const lang of LANGS) {
        const then = (await report({ asOf, minPosition: latest, lang: langOf(lang) }).expect(200)).body;
        expect(then.asOf).toEqual({ requested: asOf, position: P, recordedAt: before.asOf.recordedAt, complete: true });
        expect(differencesFromSeed(then.figures)).toEqual([]);
        const values = (r: { figures: { name: string; value: number }[] }) => r.figures.map((f) => [f.name, f.value]);
        expect(values(then)).toEqual(values(before));
        expect((await expectCsvEqualsSeed({ asOf }, lang)).get('as_of_position')!.slice(2, 5)).toEqual([P, '', before.asOf.recordedAt]);
        const { sheet } = await expectXlsxEqualsSeed({ asOf }, lang);
        expect(String(sheet.getRow(1).getCell(3).value)).toContain(P);
      }
    }
  });

  async function householdId(n: number): Promise<string> {
    const res = await auditor.get('/api/aid/households').query({ q: HOUSEHOLDS[n]!.name }).expect(200);
    return res.body.items[0].id;
  }
  async function programmeId(): Promise<string> {
    // The student-grant programme (the visits' programmes, 两节送温暖 and 关爱劳模, are beside it).
    const res = await auditor.get('/api/aid/programmes').expect(200);
    return (res.body as { id: string; kind: string }[]).find((p) => p.kind === 'student_grants')!.id;
  }
});
