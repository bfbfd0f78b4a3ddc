import type { Bilingual, Lang } from '#domain';
import ExcelJS from 'exceljs';
import type { PeriodReport } from './period-report.service.js';

const HEADERS: Record<'name' | 'label' | 'value' | 'fen' | 'on' | 'definition' | 'source', Bilingual> = {
  name: { zh: '指标', en: 'Figure' },
  label: { zh: '名称', en: 'Label' },
  value: { zh: '数值', en: 'Value' },
  fen: { zh: '金额（分）', en: 'Amount (fen)' },
  on: { zh: '截至日期', en: 'On' },
  definition: { zh: '定义', en: 'Definition' },
  source: { zh: '查询来源', en: 'Source query' },
};
const COLUMNS = Object.keys(HEADERS) as (keyof typeof HEADERS)[];
const SHEET: Bilingual = { zh: '期间报告', en: 'Period report' };

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows as a clerk reads them: counts as numbers, money in formatted yuan with the raw fen beside it. */
function rows(report: PeriodReport): (string | number)[][] {
  return report.figures.map((f) => [f.name, f.label, f.kind === 'money' ? f.yuan! : f.value, f.kind === 'money' ? f.value : '', f.on ?? '', f.definition, f.source]);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark (so that a Chinese spreadsheet reads it as UTF-8), CRLF lines. */
export function reportCsv(report: PeriodReport, lang: Lang): Buffer {
  const lines = [COLUMNS.map((c) => HEADERS[c][lang]), ...rows(report)].map((r) => r.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function reportXlsx(report: PeriodReport, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'union-casework-ledger';
  const sheet = workbook.addWorksheet(SHEET[lang]);
  sheet.addRow([report.title, `${report.from} – ${report.to}`]);
  sheet.addRow(COLUMNS.map((c) => HEADERS[c][lang]));
  sheet.getRow(2).font = { bold: true };
  for (const r of rows(report)) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = [26, 30, 18, 14, 12, 80, 50][i] ?? 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
