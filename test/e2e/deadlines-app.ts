// A test app whose clock the test moves, on a database that outlives a restart: for the deadline
// acceptance tests, on PostgreSQL (BullMQ's Postgres backend) or, with REDIS_URL set, on Redis.
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Logger as PinoLogger } from 'nestjs-pino';
import { CLOCK, type Clock } from '#commands';
import { loadConfig } from '#config';
import { DeadlineQueue, DeadlineScheduler, DeadlineWorker } from '#jobs';
import { runMigrations } from '#platform';
import pg from 'pg';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureHttp } from '../../apps/api/src/http/configure-http.js';
import { TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

export const REDIS_URL = process.env.REDIS_URL;

/** The queue backends a deadline suite runs on: BullMQ's PostgreSQL backend always, Redis too when REDIS_URL names one. */
export const QUEUE_BACKENDS: readonly { name: string; redisUrl: string | null }[] = [
  { name: 'BullMQ on PostgreSQL', redisUrl: null },
  ...(REDIS_URL ? [{ name: 'BullMQ on Redis', redisUrl: REDIS_URL }] : []),
];

/** Real time moved by whole days: what `advance` adds every part of the app sees. */
export class MovableClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}

export interface DeadlineTestApp extends TestApp {
  clock: MovableClock;
  scheduler: DeadlineScheduler;
  worker: DeadlineWorker;
  deadlines: DeadlineQueue;
}

/** `redisUrl`: the deadline queue on that Redis; null: on PostgreSQL. Unset: as REDIS_URL says. */
export async function startDeadlineApp(db?: TestDatabase, clock = new MovableClock(), redisUrl: string | null = REDIS_URL ?? null): Promise<DeadlineTestApp> {
  const database = db ?? (await createTestDatabase('deadlines'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    JWT_SECRET: 'j'.repeat(40) + randomBytes(4).toString('hex'),
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  if (!db) await runMigrations(database.url);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, database.url)] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  configureHttp(app, config);
  await app.init();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  const server = app.getHttpServer();
  return {
    app,
    db: database,
    clock,
    scheduler: app.get(DeadlineScheduler),
    worker: app.get(DeadlineWorker),
    deadlines: app.get(DeadlineQueue),
    http: () => request(server),
    sql: async (text, params) => (await pool.query(text, params)).rows,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

/** Polls `probe` until it answers something truthy (at most `ms`). */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
