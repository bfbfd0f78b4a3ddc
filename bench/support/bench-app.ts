import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { Role } from '#domain';
import { loadConfig } from '#config';
import { runMigrations } from '#platform';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureHttp } from '../../apps/api/src/http/configure-http.js';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
  ms: number;
}

/** A logged-in staff member speaking HTTP to the app over loopback, timing each request. */
export class StaffClient {
  private token = '';

  constructor(
    private readonly base: string,
    readonly username: string,
    private readonly password: string,
    public staffId = '',
  ) {}

  /** Tokens last 15 minutes: a long phase logs in again first. */
  async login(): Promise<this> {
    const res = await this.send('POST', '/api/auth/login', { username: this.username, password: this.password }, false);
    if (res.status !== 200) throw new Error(`login as ${this.username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.accessToken;
    this.staffId = (await this.get('/api/auth/me')).body.staffId;
    return this;
  }

  post(path: string, body?: object): Promise<Answer> {
    return this.send('POST', path, body);
  }

  get(path: string, query: Record<string, string | number> = {}): Promise<Answer> {
    const qs = new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))).toString();
    return this.send('GET', qs ? `${path}?${qs}` : path);
  }

  private async send(method: string, path: string, body?: object, auth = true): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = `Bearer ${this.token}`;
    const start = performance.now();
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const bytes = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - start;
    // JSON answers parsed; files (a CSV, a workbook) kept as their bytes.
    const json = /json/.test(res.headers.get('content-type') ?? 'application/json');
    return { status: res.status, body: !bytes.length ? null : json ? JSON.parse(bytes.toString('utf8')) : bytes, headers: res.headers, ms };
  }
}

export interface BenchApp {
  app: INestApplication;
  /** The first administrator; `staff` makes more accounts through the API. */
  admin: StaffClient;
  /** The first administrator's username and password (for a client of its own, such as the Renhe scenario). */
  adminCredentials: { username: string; password: string };
  /** The address the application listens on. */
  baseUrl: string;
  staff(username: string, roles: Role[]): Promise<StaffClient>;
  close(): Promise<void>;
}

/** The real application, API and worker in one process as `npm start` runs it, listening on 127.0.0.1. */
export async function startBenchApp(databaseUrl: string): Promise<BenchApp> {
  Logger.overrideLogger(['error']);
  const password = randomBytes(12).toString('hex');
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: password });
  await runMigrations(databaseUrl);
  const app = await NestFactory.create(AppModule.register(config, databaseUrl, { withWorker: true }), { logger: ['error'] });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const admin = await new StaffClient(base, 'admin', password).login();
  return {
    app,
    admin,
    adminCredentials: { username: 'admin', password },
    baseUrl: base,
    async staff(username, roles) {
      const pw = `${username}-${password}`;
      const created = await admin.post('/api/staff', { username, displayName: `压测${username}`, password: pw, roles });
      if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${JSON.stringify(created.body)}`);
      return new StaffClient(base, username, pw).login();
    },
    close: () => app.close(),
  };
}
