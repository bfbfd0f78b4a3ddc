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

const AS_OF: Record<'label' | 'definition', Bilingual> = {
  label: { zh: '截至日志位置', en: 'As of log position' },
  definition: {
    zh: '以上数字为该日志位置时的情况：该位置及之前登记的事件全部计入，之后的一概不计（该事件的登记时间见“截至日期”一栏）。',
    en: 'The figures above as they stood at this log position: every event recorded up to it counted, none after (the time that event was recorded is in the “On” column).',
  },
};

/** Rows as a clerk reads them: counts as numbers, money in formatted yuan with the raw fen beside it; last, where in the log they stand. */
function rows(report: PeriodReport, lang: Lang): (string | number)[][] {
  // Money: the fen as a number while one holds it exactly, else as its digits (a sum of stored history past the safe range).
  const figures = report.figures.map((f) => [f.name, f.label, f.kind === 'money' ? f.yuan! : f.value ?? '', f.kind === 'money' ? (f.value ?? f.fen ?? '') : '', f.on ?? '', f.definition, f.source]);
  const { position, recordedAt, requested } = report.asOf;
  return [...figures, ['as_of_position', AS_OF.label[lang], position, '', recordedAt ?? '', AS_OF.definition[lang], requested === null ? 'projection_checkpoints[report-facts]' : `asOf=${requested}`]];
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark (so that a Chinese spreadsheet reads it as UTF-8), CRLF lines. */
export function reportCsv(report: PeriodReport, lang: Lang): Buffer {
  const lines = [COLUMNS.map((c) => HEADERS[c][lang]), ...rows(report, lang)].map((r) => r.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function reportXlsx(report: PeriodReport, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'union-casework-ledger';
  const sheet = workbook.addWorksheet(SHEET[lang]);
  sheet.addRow([report.title, `${report.from} – ${report.to}`, `${AS_OF.label[lang]} ${report.asOf.position}`]);
  sheet.addRow(COLUMNS.map((c) => HEADERS[c][lang]));
  sheet.getRow(2).font = { bold: true };
  for (const r of rows(report, lang)) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = [26, 30, 18, 14, 12, 80, 50][i] ?? 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
