import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AuditLog } from '#audit';
import { loadConfigOrExit } from '#config';
import { nestLogLevels, openDatabase, runMigrations } from '#platform';
import pg from 'pg';
import { printReport } from './audit-report.js';

/**
 * npm run audit:verify [-- --stream <name>] [--json]
 * Reads the whole log (or one stream) in batches: recomputes every event's hash and each
 * stream's chain, compares every anchored event and every signed checkpoint's root, and names
 * the first stream, revision and event that does not match. Exit code 0 intact, 1 not.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const streamAt = args.indexOf('--stream');
  const stream = streamAt >= 0 ? args[streamAt + 1] : undefined;
  const json = args.includes('--json');
  if ((streamAt >= 0 && !stream) || args.some((a, i) => a.startsWith('--') && !['--stream', '--json'].includes(a) && args[i - 1] !== '--stream')) {
    console.error('Usage: npm run audit:verify [-- --stream <name>] [--json]');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const db = await openDatabase(config, { attach: true });
  await runMigrations(db.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let code = 1;
  try {
    const report = await new AuditLog(pool).verify({
      stream,
      progressEvery: 100_000,
      onProgress: (n) => console.error(`… ${n} events checked (${Math.round(n / elapsed())} events/s)`),
    });
    if (json) console.log(JSON.stringify({ ...report, seconds: elapsed() }, null, 2));
    else printReport(report, elapsed(), (line) => console.log(line));
    code = report.ok ? 0 : 1;
  } finally {
    await pool.end();
    await db.stop();
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
