import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * `npm start` as a user runs it: the built app (dist/), its own DATA_DIR and port, the embedded
 * PostgreSQL. Killed with -9, started again; a second start beside a live one; the database
 * server killed under a running app. Every process here is started by this file and stopped
 * by its pid.
 */
const ADMIN = { username: 'admin', password: 'Cobalt-harbour-river-72' };
const MAIN = 'dist/apps/api/src/main.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms: number, every = 100): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, every))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start after a crash (embedded PostgreSQL)', () => {
  let dataDir: string;
  let port: number;
  const started: Started[] = [];
  const base = () => `http://127.0.0.1:${port}`;

  function startApp(env: Record<string, string> = {}): Started {
    // What a newcomer gets: no database and no Redis settings (.ci/run sets REDIS_URL for the deadline suites).
  const { DATABASE_URL: _ignored, REDIS_URL: _noRedis, ...inherited } = process.env;
    const child = spawn(process.execPath, [MAIN], {
      env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // a process group of its own, with its PostgreSQL, as a terminal would start it
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
    const s = { child, output: () => output, exited };
    started.push(s);
    return s;
  }

  async function health(): Promise<{ status: number; body: Record<string, any> } | undefined> {
    try {
      const res = await fetch(`${base()}/health`, { signal: AbortSignal.timeout(5000) });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    } catch {
      return undefined;
    }
  }

  const healthy = (app: Started) =>
    until('a healthy app', async () => {
      if (app.child.exitCode !== null) throw new Error(`the app exited (${app.child.exitCode}):\n${app.output()}`);
      const h = await health();
      return h?.status === 200 ? h : undefined;
    }, 90_000, 200);

  async function token(): Promise<string> {
    const res = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function staffNames(): Promise<string[]> {
    const res = await fetch(`${base()}/api/staff`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { username: string }[]).map((s) => s.username);
  }

  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { timeout: 300_000 });
    await mkdir('.data', { recursive: true });
    dataDir = resolve(await mkdtemp(join('.data', 'crash-')));
    port = await freePort();
  }, 320_000);

  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    if (existsSync(join(dataDir, 'postgres', 'postmaster.pid'))) {
      const pid = postmasterPid();
      if (alive(pid)) {
        process.kill(pid, 'SIGINT'); // the server an app of this file started
        await until('the test server to stop', () => (alive(pid) ? undefined : true), 30_000).catch(() => undefined);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('exits 1 at once with a message when DATA_DIR cannot be created (DATA_DIR=/proc/x hung before)', async () => {
    const app = startApp({ DATA_DIR: '/proc/x' });
    const exit = await Promise.race([app.exited, new Promise<'hung'>((ok) => setTimeout(() => ok('hung'), 15_000))]);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(app.output()).toMatch(/DATA_DIR="\/proc\/x": cannot be created or written/);
  }, 30_000);

  it('after kill -9 of the app, the next start stops the orphaned PostgreSQL and comes up with the data intact; a second live start is refused', async () => {
    const first = startApp();
    await healthy(first);
    const created = await fetch(`${base()}/api/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ username: 'before.crash', displayName: '崩溃前', password: 'Granite-meadow-lantern-58', roles: ['mediator'] }),
    });
    expect(created.status).toBe(201);

    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // the situation of the issue: PostgreSQL outlives its owner

    const second = startApp();
    await healthy(second);
    expect(alive(orphan)).toBe(false);
    expect(second.output()).toMatch(/left running by a process that has ended \(pid \d+\): stopping it cleanly first/);
    expect(await staffNames()).toEqual(expect.arrayContaining([ADMIN.username, 'before.crash']));

    const third = startApp({ PORT: String(await freePort()) });
    const exit = await Promise.race([third.exited, new Promise<'hung'>((ok) => setTimeout(() => ok('hung'), 30_000))]);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(third.output()).toContain(`is in use by another "npm start" (pid ${second.child.pid})`);
    expect((await health())?.status).toBe(200); // the refusal left the owner alone
  }, 240_000);

  it('restarts the embedded PostgreSQL when it dies under the app: /health says why meanwhile, then 200, data intact', async () => {
    const app = started[started.length - 2]; // the live owner of the previous test
    expect(app.child.exitCode).toBeNull();
    const killed = postmasterPid();
    process.kill(killed, 'SIGKILL'); // the server our app started
    const down = await until('/health to report the database down', async () => {
      const h = await health();
      return h && h.status === 503 && h.body.checks?.['embedded-postgres']?.status === 'down' ? h : undefined;
    }, 10_000, 50);
    expect(down.body.detail).toMatch(/embedded-postgres: stopped by SIGKILL; restarts so far: 0/);
    const up = await healthy(app);
    expect(up.body.checks['embedded-postgres']).toEqual({ status: 'up', detail: { restarts: 1 } });
    expect(postmasterPid()).not.toBe(killed);
    expect(app.output()).toMatch(/embedded PostgreSQL is down \(stopped by SIGKILL\); restarting it in 1 s/);
    expect(app.output()).toMatch(/embedded PostgreSQL is running again \(restart 1\)/);
    expect(await staffNames()).toEqual(expect.arrayContaining(['before.crash']));

    const server = postmasterPid();
    const before = app.output().length;
    process.kill(-app.child.pid!, 'SIGINT'); // Ctrl-C: the terminal signals the app and its PostgreSQL
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.output().slice(before)).not.toMatch(/embedded PostgreSQL (is down|was shut down)/);
    expect(alive(server)).toBe(false);
    expect(existsSync(join(dataDir, 'embedded-postgres.owner'))).toBe(false);
  }, 180_000);
});
