import ExcelJS from 'exceljs';
import { reportCsv, reportXlsx } from './period-report.render.js';
import { exactFen, type PeriodReport } from './period-report.service.js';

const report: PeriodReport = {
  from: '2011-01-01',
  to: '2016-12-31',
  lang: 'zh',
  title: '工会工作期间报告',
  asOf: { requested: '2026-03-01T09:30:00+08:00', position: '7421:1093', recordedAt: '2026-03-01T01:29:58.000Z', complete: true },
  figures: [
    { name: 'wages_recovered', label: '为职工追回工资', kind: 'money', value: 243_200_000, yuan: '2,432,000.00元', definition: '含"欠薪保障金"，按到账日期\n计', source: 'RecoveryStats.wages_recovered', events: ['ReceiptRecorded'] },
    { name: 'members_at_end', label: '登记会员（期末）', kind: 'count', value: 7_380, on: '2016-12-31', definition: '每个组织取最近一次登记', source: 'PeopleStats.membersAtEnd', events: ['MemberCountRecorded'] },
  ],
};

describe('the period report as CSV and XLSX', () => {
  it('CSV: BOM, CRLF, a cell with a comma, quote or line break quoted and its quotes doubled, Chinese text unchanged', () => {
    const text = reportCsv(report, 'zh').toString('utf8');
    expect(text.startsWith('\uFEFF指标,名称,数值,金额（分）,截至日期,定义,查询来源\r\n')).toBe(true);
    expect(text).toContain('\r\nwages_recovered,为职工追回工资,"2,432,000.00元",243200000,,"含""欠薪保障金""，按到账日期\n计",RecoveryStats.wages_recovered\r\n');
    expect(text).toContain('\r\nmembers_at_end,登记会员（期末）,7380,,2016-12-31,每个组织取最近一次登记,PeopleStats.membersAtEnd\r\n');
    // Last, where in the log the figures stand: the position, when its event was recorded, what was asked.
    expect(text.endsWith('\r\nas_of_position,截至日志位置,7421:1093,,2026-03-01T01:29:58.000Z,以上数字为该日志位置时的情况：该位置及之前登记的事件全部计入，之后的一概不计（该事件的登记时间见“截至日期”一栏）。,asOf=2026-03-01T09:30:00+08:00\r\n')).toBe(true);
  });

  it('XLSX: the sheet named in the language, a title row, headers, counts as numbers and money as formatted yuan beside the fen', async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await reportXlsx(report, 'en');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Period report')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '工会工作期间报告', '2011-01-01 – 2016-12-31', 'As of log position 7421:1093']);
    expect([sheet.getCell('A5').value, sheet.getCell('C5').value]).toEqual(['as_of_position', '7421:1093']);
    expect(sheet.getRow(2).getCell(4).value).toBe('Amount (fen)');
    expect([sheet.getCell('C3').value, sheet.getCell('D3').value]).toEqual(['2,432,000.00元', 243_200_000]);
    expect(sheet.getCell('C4').value).toBe(7_380);
    expect(sheet.getCell('F3').value).toBe('含"欠薪保障金"，按到账日期\n计');
  });

  it('money past the safe range (stored history from before the ceiling): the exact digits in the fen column, never a rounded number', async () => {
    const huge: PeriodReport = {
      ...report,
      figures: [{ name: 'aid_raised', label: '帮扶资金筹集', kind: 'money', value: null, fen: '9007199254741091', yuan: '90,071,992,547,410.91元', definition: 'd', source: 's', events: [] }],
    };
    expect(reportCsv(huge, 'zh').toString('utf8')).toContain('\r\naid_raised,帮扶资金筹集,"90,071,992,547,410.91元",9007199254741091,,d,s\r\n');
    const book = new ExcelJS.Workbook();
    const bytes = await reportXlsx(huge, 'zh');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.getWorksheet('期间报告')!.getCell('D3').value).toBe('9007199254741091');
  });

  it('exactFen: the SQL sum read digit by digit; value only while a number holds it exactly', () => {
    expect(exactFen('243200000')).toEqual({ exact: 243_200_000n, fen: '243200000', value: 243_200_000 });
    expect(exactFen('9007199254741091')).toEqual({ exact: 9_007_199_254_741_091n, fen: '9007199254741091', value: null });
    expect(exactFen('9007199254740991').value).toBe(Number.MAX_SAFE_INTEGER);
  });
});
