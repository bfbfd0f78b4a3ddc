import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { redact } from '../../libs/platform/src/redact.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/platform/src/database/embedded-postgres.js';

export interface BenchDatabase {
  url: string;
  kind: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh `bench_<random>` database: on DATABASE_URL's server when set (dropped at the end),
 * else on an embedded PostgreSQL in a throwaway folder under .data/bench-* (removed at the end).
 */
export async function openDatabase(): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  };
  try {
    let adminUrl: string;
    let kind: string;
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL;
      kind = `server (DATABASE_URL ${redact(adminUrl)})`;
    } else {
      await mkdir('.data', { recursive: true });
      const dataDir = resolve(await mkdtemp(join('.data', 'bench-')));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir });
      cleanups.push(() => embedded.stop());
      adminUrl = embedded.adminUrl;
      kind = `embedded (embedded-postgres, data in ${dataDir})`;
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), kind, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
