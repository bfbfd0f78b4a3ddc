import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadConfig, type AppConfig } from '#config';
import { runMigrations } from '#platform';
import pg from 'pg';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureHttp } from '../../apps/api/src/http/configure-http.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The first administrator every test app starts with (ADMIN_USERNAME / ADMIN_PASSWORD). */
export const TEST_ADMIN = { username: 'admin', password: 'admin-password-123' };

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  db: TestDatabase;
  /** Direct SQL on the test database, for checks a user can't make through the API. */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close(): Promise<void>;
}

/** The real application (API + worker, same modules as `npm start`) on a fresh database. */
/**
 * `deadlineJobs`: the deadline worker (off unless asked for). These suites open cases received
 * months ago and assert exact case revisions and event counts, which the system's own
 * DeadlineMissed would move; the deadline suites (test/e2e/deadlines*.e2e.spec.ts) run it.
 * `database`: another app's database, for a second process of the same system (pass it the same
 * JWT_SECRET); closing this app leaves that database to its owner.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logs?: string[]; deadlineJobs?: boolean; database?: TestDatabase } = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase('e2e'));
  const config: AppConfig = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  });
  await runMigrations(db.url);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config, db.url, { withDeadlineJobs: options.deadlineJobs ?? false, logDestination: options.logs ? { write: (line: string) => void options.logs!.push(line) } : undefined })],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  configureHttp(app, config);
  await app.init();
  app.flushLogs();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  // pool.end() resolves before its connections are gone; the DROP ... WITH (FORCE) that follows
  // may end one first, and an 'error' with no listener would crash the test file.
  pool.on('error', () => undefined);
  const server = app.getHttpServer();
  return {
    app,
    db,
    http: () => request(server),
    sql: async (text, params) => (await pool.query(text, params)).rows,
    async close() {
      await app.close();
      await pool.end();
      if (!options.database) await db.drop();
    },
  };
}
