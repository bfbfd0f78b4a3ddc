import { SEED_TABLE, type SeedFigure } from './renhe-data.js';

export interface ReportFigureLike {
  name: string;
  label: string;
  kind: 'count' | 'money';
  value: number;
  yuan?: string;
}

/** Where the report differs from the seed's table: one line per figure, empty when they agree. Every figure of the table is compared. */
export function differencesFromSeed(figures: ReportFigureLike[]): string[] {
  const byName = new Map(figures.map((f) => [f.name, f]));
  const out: string[] = [];
  for (const [name, expected] of Object.entries(SEED_TABLE) as [SeedFigure, number][]) {
    const f = byName.get(name);
    if (!f) out.push(`${name}: missing from the report`);
    else if (f.value !== expected) out.push(`${name}: report ${f.value}, seed ${expected}`);
  }
  return out;
}

/** The report as a table for a terminal. */
export function printable(report: { title: string; from: string; to: string; asOf?: { position: string }; figures: ReportFigureLike[] }): string {
  const width = Math.max(...report.figures.map((f) => f.label.length));
  const lines = report.figures.map((f) => `  ${f.label.padEnd(width + 2, '\u3000')}${f.kind === 'money' ? `${f.yuan}  (${f.value} fen)` : f.value}`);
  return [`${report.title}  ${report.from} – ${report.to}${report.asOf ? `  (log position ${report.asOf.position})` : ''}`, ...lines].join('\n');
}
