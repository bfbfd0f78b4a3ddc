import { Logger } from '@nestjs/common';
import type { AppConfig } from '#config';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source-options.js';
import type { EmbeddedDatabaseSupervisor } from './database/embedded-database-supervisor.js';
import { EmbeddedPostgresBusy, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { redact } from './redact.js';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** The embedded PostgreSQL this process started, watched and restarted; null otherwise. */
  supervisor: EmbeddedDatabaseSupervisor | null;
  /** On SIGINT/SIGTERM the caller closes its connections, then calls stop(): nothing stops the server before. */
  stopAfterOwnShutdown(): void;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR, started now.
 * `attach` lets a command-line tool use the server a running `npm start` already has.
 */
export async function openDatabase(config: AppConfig, options: { attach?: boolean } = {}): Promise<OpenDatabase> {
  const logger = new Logger('database');
  if (config.DATABASE_URL) {
    logger.log(`using the PostgreSQL server at ${redact(config.DATABASE_URL)}`);
    return { url: config.DATABASE_URL, embedded: false, supervisor: null, stopAfterOwnShutdown: () => undefined, stop: async () => undefined };
  }
  const started = Date.now();
  logger.log(`starting embedded PostgreSQL with its data in ${join(config.DATA_DIR, 'postgres')}`);
  const db = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    attach: options.attach,
    log: (line) => logger.debug(line),
    logger,
  }).catch((error: Error) => {
    if (error instanceof EmbeddedPostgresBusy) throw error;
    throw new Error(`${error.message}\nIs DATA_DIR=${config.DATA_DIR} writable? Set DATABASE_URL to use a PostgreSQL server instead.`);
  });
  const url = db.urlFor('casework');
  await ensureDatabase(db.adminUrl, 'casework');
  logger.log(`embedded PostgreSQL ready in ${Date.now() - started} ms`);
  return { url, embedded: true, supervisor: db.supervisor, stopAfterOwnShutdown: db.stopAfterOwnShutdown, stop: db.stop };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations, each in its own transaction, and logs what it did. */
export async function runMigrations(url: string): Promise<string[]> {
  const logger = new Logger('migrations');
  const ds = new DataSource({ ...dataSourceOptions(url), logging: ['error'] });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (const m of applied) logger.log(`applied ${m.name}`);
    if (!applied.length) logger.log('schema is up to date');
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
