import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#config';
import { PostgresEventStore, comparePositions } from '#event-store';
import { dataSourceOptions, nestLogLevels, openDatabase, runMigrations } from '#platform';
import { rebuildProjection } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * npm run projections:rebuild -- <name>|--all
 * Replays the whole log into a projection's tables in one transaction; the running system
 * keeps serving the old rows until it commits. Works beside a running `npm start`.
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
  const ds = await new DataSource({ ...dataSourceOptions(db.url), logging: ['error'] }).initialize();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const store = new PostgresEventStore({ pool });
  try {
    const head = await store.headPosition();
    for (const projection of chosen) {
      const started = Date.now();
      let last = 0;
      console.log(`rebuilding ${projection.name} up to ${head} …`);
      const result = await rebuildProjection(store, ds, projection, (n, position) => {
        if (n - last >= 5000 || comparePositions(position, head) >= 0) {
          last = n;
          const rate = Math.round(n / Math.max((Date.now() - started) / 1000, 0.001));
          process.stdout.write(`  ${projection.name}: ${n} events read, at ${position} (${rate}/s)\n`);
        }
      });
      console.log(`rebuilt ${projection.name}: ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s, checkpoint ${result.position}`);
    }
  } finally {
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`rebuild failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
