import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { formatYuan } from '#domain';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { PERIOD, SEED_TABLE } from '../../apps/cli/src/scenario/renhe-data.js';
import { recordRenhe } from '../../apps/cli/src/scenario/renhe-record.js';
import { differencesFromSeed, UNDATABLE } from '../../apps/cli/src/scenario/renhe-report.js';

const SKIP = Object.keys(UNDATABLE) as (keyof typeof UNDATABLE)[];

const binary = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Issue 13, items 5 and 6: the five-year scenario recorded through HTTP on a fresh system, then the
 * period report for 2011–2016 in JSON, CSV and XLSX, Chinese and English, compared with the seed's table.
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

  it('says how it goes while it records', () => {
    expect(progress.filter((l) => l.startsWith('case '))).toHaveLength(18);
    expect(progress.at(-1)).toMatch(/^aid fund: /);
  });

  it('the JSON report for 2011–2016 equals the seed’s table, each figure with its definition, in Chinese and in English', async () => {
    const zh = (await report({ lang: 'zh-CN' }).expect(200)).body;
    expect(differencesFromSeed(zh.figures, SKIP)).toEqual([]);
    for (const f of zh.figures) {
      expect(f.definition.length).toBeGreaterThan(10);
      expect(f.source).toMatch(/Stats/);
    }
    const wages = zh.figures.find((f: { name: string }) => f.name === 'wages_recovered');
    expect(wages).toMatchObject({ kind: 'money', value: 243_200_000, yuan: '2,432,000.00元', label: '为职工追回工资' });
    const en = (await report({ lang: 'en' }).expect(200)).body;
    expect(differencesFromSeed(en.figures, SKIP)).toEqual([]);
    expect(en.figures.find((f: { name: string }) => f.name === 'wages_recovered')).toMatchObject({ yuan: '¥2,432,000.00', label: 'Wages recovered for workers' });
    expect(en.figures.find((f: { name: string }) => f.name === 'households_visited').definition).toMatch(/Households in hardship visited/);
  });

  it('the 26 student grants of 35,000 yuan: in the report over a period that reaches the day they were approved (the aid fund dates approvals by its clock)', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const figures = (await report({ to: today }).expect(200)).body.figures as { name: string; value: number }[];
    expect(SKIP.map((name) => [name, figures.find((f) => f.name === name)!.value])).toEqual(SKIP.map((name) => [name, SEED_TABLE[name]]));
    const inPeriod = (await report({}).expect(200)).body.figures as { name: string; value: number }[];
    expect(inPeriod.find((f) => f.name === 'student_grant_students')!.value).toBe(0);
  });

  it('the CSV is UTF-8 with a byte-order mark, with the seed’s figures and their raw fen', async () => {
    const res = await report({ format: 'csv' }).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('指标,名称,数值,金额（分）,截至日期,定义,查询来源');
    const row = (name: string) => lines.find((l) => l.startsWith(`${name},`))!.split(',');
    expect(row('cases_handled').slice(0, 3)).toEqual(['cases_handled', '处理劳动争议案件', '18']);
    expect(row('wages_recovered').slice(2, 4)).toEqual(['"2', '432']);
    expect(lines.find((l) => l.startsWith('wages_recovered,'))).toContain(`"${formatYuan(243_200_000, 'zh')}",243200000,`);
    expect(row('members_at_end').slice(2, 5)).toEqual(['7380', '', PERIOD.to]);
  });

  it('the XLSX opens with exceljs: a Chinese sheet with Chinese headers, an English one in English, and the seed’s figures in the cells', async () => {
    const open = async (lang: string) => {
      const res = await report({ format: 'xlsx', lang }).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      const bytes = res.body as Buffer;
      await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return book.worksheets[0]!;
    };
    const zh = await open('zh-CN');
    expect(zh.name).toBe('期间报告');
    expect(zh.getRow(2).values).toEqual([undefined, '指标', '名称', '数值', '金额（分）', '截至日期', '定义', '查询来源']);
    const cells = new Map<string, unknown[]>();
    zh.eachRow((row, n) => {
      if (n > 2) cells.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    for (const [name, value] of Object.entries(SEED_TABLE)) {
      if ((SKIP as string[]).includes(name)) continue;
      const row = cells.get(name)!;
      if (name === 'wages_recovered' || name === 'wages_paid_to_workers' || name === 'aid_raised' || name === 'student_grant_amount') expect([row[2], row[3]]).toEqual([formatYuan(value, 'zh'), value]);
      else expect(row[2]).toBe(value);
    }
    const en = await open('en');
    expect(en.name).toBe('Period report');
    expect(en.getRow(2).getCell(6).value).toBe('Definition');
    expect(en.getRow(3).getCell(2).value).toBe('Labour-dispute cases handled');
  });
});
