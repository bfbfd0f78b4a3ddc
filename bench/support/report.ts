import { availableParallelism, cpus, totalmem } from 'node:os';
import pg from 'pg';
import { openDatabase, type BenchDatabase } from './bench-database.js';

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '-');

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Columns on a terminal: a Chinese character takes two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function table(headers: string[], rows: string[][], rightAlignFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (c: string, i: number) => ' '.repeat(widths[i] - width(c));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightAlignFrom ? pad(c, i) + c : c + pad(c, i))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The machine and the Postgres a figure was measured on, printed before the figures. */
export async function printMachine(db: BenchDatabase, load: string): Promise<void> {
  const info = new pg.Client({ connectionString: db.url });
  await info.connect();
  try {
    const version = (await info.query<{ v: string }>('select version() AS v')).rows[0].v;
    const settings = (
      await info.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'wal_level') ORDER BY name`,
      )
    ).rows
      .map((r) => `${r.name}=${r.setting}${r.unit && r.name === 'shared_buffers' ? `x${r.unit}` : ''}`)
      .join(' ');
    const cpu = cpus();
    console.log('');
    console.log('machine');
    console.log(`  CPU       ${cpu[0]?.model ?? 'unknown'} (${cpu.length} cores, ${availableParallelism()} available to Node)`);
    console.log(`  RAM       ${fmt(totalmem() / 2 ** 30, 1)} GiB`);
    console.log(`  Node      ${process.version}`);
    console.log(`  Postgres  ${version}`);
    console.log(`  which     ${db.kind}`);
    console.log(`  settings  ${settings}`);
    console.log(`  load      ${load}; fresh database ${new URL(db.url).pathname.slice(1)}`);
    console.log('');
  } finally {
    await info.end();
  }
}

/**
 * A benchmark's frame: a fresh database, the body, cleanup whatever happens, the total time.
 * Exits non-zero only when the benchmark itself broke, never because a figure missed a goal.
 */
export async function runBenchmark(title: string, body: (db: BenchDatabase) => Promise<void>): Promise<void> {
  const started = performance.now();
  console.log(title);
  const db = await openDatabase();
  let failed = false;
  try {
    await body(db);
  } catch (error) {
    failed = true;
    console.error('\nbenchmark failed:', error);
  } finally {
    await db.cleanup();
  }
  console.log(`\ntotal ${fmt((performance.now() - started) / 1000, 1)}s`);
  process.exitCode = failed ? 1 : 0;
}
