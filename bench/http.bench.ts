/**
 * `npm run bench:http`: what a command costs through the whole HTTP path, against the least an
 * HTTP command can cost on this machine, in the same run.
 *
 *   - anchor: a bare `node:http` server (no framework, no auth, no validation) doing one INSERT
 *     per POST (bench/support/bare-server.ts), in a process of its own;
 *   - the real application, started exactly as `npm start` starts it (`node dist/apps/api/src/main.js`,
 *     API and projector worker in one process, default settings but the database), in a process of its own;
 *   - one load generator (this process): BENCH_CLIENTS concurrent clients (default 16), each with a
 *     mediator's bearer token, one request at a time over keep-alive loopback connections,
 *     for BENCH_SECONDS (default 10) per phase after a 2 s warm-up.
 *
 * Phases: bare POST, open a case (POST /api/disputes), record a session (POST /api/disputes/:id/sessions),
 * GET /health, GET /api/auth/me, bare POST again (the anchor is the mean of the two bare runs, so drift
 * during the run shows). Prints requests/s, p50 and p99, and the ratios against the anchor.
 * Beside each rate: the CPU milliseconds per request of the server process and of its
 * database backends (from /proc), steadier than rates on a machine shared with other work.
 * Goal (issue 9): commands at 70% or more of the bare rate, p99 under 2x the bare p99.
 * Settings: BENCH_CLIENTS, BENCH_SECONDS, BENCH_PHASES (open,session,health,me), BENCH_CLIENT=fetch,
 * BENCH_APP_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/abs/dir"), BENCH_LOG_LEVEL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { beijingDay } from '#domain';
import { fmt, percentile, printMachine, runBenchmark, table } from './support/report.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
/**
 * BENCH_CLIENT=fetch: the clients use fetch (undici) instead of node:http agents. fetch costs the
 * load generator several times more CPU per request, and the generator shares the 2 cores with
 * both servers, so it caps the bare route far below what node:http clients reach.
 */
const USE_FETCH = process.env.BENCH_CLIENT === 'fetch';
/** BENCH_PHASES: which of open, session, health, me to run (default all); the bare anchor always runs. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'open,session,health,me').split(',').map((p) => p.trim()));
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

interface Reply {
  status: number;
  body: any;
}

class Client {
  private agent = new Agent({ keepAlive: true, maxSockets: 1 });
  token = '';

  constructor(private readonly port: number) {}

  send(method: string, path: string, body?: unknown): Promise<Reply> {
    if (USE_FETCH) return this.fetch(method, path, body);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {};
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  private async fetch(method: string, path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  }

  close(): void {
    this.agent.destroy();
  }

  /** A fresh connection: the server closes one left idle past its keep-alive timeout (5 s). */
  reconnect(): void {
    this.agent.destroy();
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 });
  }
}

interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per request: the server process's, and its database backends'. */
  cpu?: { server: number; db: number };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 when it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/**
 * What a phase costs in CPU, whatever else runs on the machine: the server process's CPU time
 * and that of the PostgreSQL backends connected to the bench database, per request. Throughput
 * on a shared machine swings with the neighbours' load; CPU per request much less.
 */
class CpuMeter {
  private before = new Map<number, number>();
  private serverBefore = 0;

  constructor(
    private readonly db: pg.Pool,
    private readonly serverPid: number,
  ) {}

  private async backends(): Promise<Map<number, number>> {
    const { rows } = await this.db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return new Map(rows.map((r) => [r.pid, cpuSecondsOf(r.pid)]));
  }

  async start(): Promise<void> {
    this.before = await this.backends();
    this.serverBefore = cpuSecondsOf(this.serverPid);
  }

  /** Milliseconds of CPU per request since start(). */
  async stop(requests: number): Promise<{ server: number; db: number }> {
    const server = cpuSecondsOf(this.serverPid) - this.serverBefore;
    let db = 0;
    for (const [pid, seconds] of await this.backends()) db += seconds - (this.before.get(pid) ?? 0);
    return { server: (1000 * server) / requests, db: (1000 * db) / requests };
  }
}

/** Each client sends one request at a time until the phase ends; only 2xx answers count, anything else stops the run. */
async function phase(clients: Client[], expected: number, op: (client: Client, c: number, i: number) => Promise<Reply>, meter?: CpuMeter): Promise<Figures> {
  const run = async (seconds: number, record: number[] | null) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; performance.now() < until; i++) {
          const start = performance.now();
          const reply = await op(client, c, i);
          const ms = performance.now() - start;
          if (reply.status !== expected) throw new Error(`expected ${expected}, got ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
          record?.push(ms);
        }
      }),
    );
  };
  clients.forEach((c) => c.reconnect());
  await run(WARMUP_SECONDS, null);
  const latencies: number[] = [];
  await meter?.start();
  const start = performance.now();
  await run(SECONDS, latencies);
  const seconds = (performance.now() - start) / 1000;
  const cpu = await meter?.stop(latencies.length);
  const sorted = Float64Array.from(latencies).sort();
  return { count: latencies.length, perSecond: latencies.length / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), cpu };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function startBare(databaseUrl: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(here, 'support', 'bare-server.js'), databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { port, child };
}

async function startApp(databaseUrl: string, adminPassword: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.data/profiles", to profile the application.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'api', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const probe = new Client(port);
  try {
    for (const deadline = Date.now() + 60_000; ; ) {
      if (child.exitCode !== null) throw new Error(`the application exited with ${child.exitCode}`);
      const ok = await probe.send('GET', '/health').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the application did not become healthy within 60 s');
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    probe.close();
  }
  return { port, child };
}

// Cases received yesterday (Beijing), as most cases are entered: a case received months ago
// would have its statutory deadlines missed already, and each opening would set off deadline
// checks (three commands on the same case, racing each other) that are not the command measured.
const receivedOn = beijingDay(new Date(Date.now() - 86_400_000).toISOString());
const application = { kind: 'written', receivedAt: receivedOn };
const aCase = (c: number, i: number) => ({
  title: `顺义某物流公司拖欠工资（压测${c}-${i}）`,
  category: 'unpaid_wages',
  description: '职工反映公司拖欠三个月工资，请求工会协调解决。',
  application,
  respondent: { name: `北京顺义物流有限公司${c}` },
  claimants: [{ name: `王秀英${c}-${i}` }, { name: `李建国${c}-${i}` }, { name: `张志强${c}-${i}` }],
});
const aSession = (i: number) => ({
  heldAt: `${receivedOn}T${String(9 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`,
  place: '仁和镇总工会调解室',
  attendees: ['王秀英', '公司代表'],
  summary: '双方就欠薪数额和支付方式进行协商。',
});

await runBenchmark('http benchmark: starting Postgres, the bare server and the application...', async (db) => {
  const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
  const bare = await startBare(db.url);
  const app = await startApp(db.url, adminPassword).catch(async (e) => {
    await stopChild(bare.child);
    throw e;
  });
  const clients: Client[] = [];
  try {
    await printMachine(
      db,
      `${CLIENTS} clients (${USE_FETCH ? 'fetch' : 'node:http keep-alive agents'}) in one Node process (one request at a time each), ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up; the application and the bare server each in a process of its own`,
    );
    const admin = new Client(app.port);
    const login = await admin.send('POST', '/api/auth/login', { username: 'admin', password: adminPassword });
    if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
    admin.token = login.body.accessToken;
    for (let c = 0; c < CLIENTS; c++) {
      const username = `mediator${c}`;
      const password = `Mediator-${c}-${randomBytes(12).toString('base64url')}`;
      const created = await admin.send('POST', '/api/staff', { username, displayName: `调解员${c}`, password, roles: ['mediator'] });
      if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${JSON.stringify(created.body)}`);
      const client = new Client(app.port);
      const answer = await client.send('POST', '/api/auth/login', { username, password });
      if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
      client.token = answer.body.accessToken;
      clients.push(client);
    }
    admin.close();
    const bareClients = Array.from({ length: CLIENTS }, () => new Client(bare.port));
    const caseIds: string[][] = clients.map(() => []);
    const meterPool = new pg.Pool({ connectionString: db.url, max: 1 });
    const appCpu = new CpuMeter(meterPool, app.child.pid!);
    const bareCpu = new CpuMeter(meterPool, bare.child.pid!);

    const results: Array<[string, Figures]> = [];
    const run = async (what: string, figures: Promise<Figures>) => {
      process.stdout.write(`  ${what}...`);
      const f = await figures;
      process.stdout.write(` ${fmt(f.perSecond)}/s\n`);
      results.push([what, f]);
      return f;
    };
    const bare1 = await run('bare POST, one INSERT (anchor, 1st)', phase(bareClients, 201, (c, n, i) => c.send('POST', '/bare', aCase(n, i)), bareCpu));
    const openCase = async (c: Client, n: number, i: number) => {
      const reply = await c.send('POST', '/api/disputes', aCase(n, i));
      if (reply.status === 201) caseIds[n].push(reply.body.id);
      return reply;
    };
    const open = PHASES.has('open') ? await run('open a case (POST /api/disputes)', phase(clients, 201, openCase, appCpu)) : undefined;
    // Sessions go to the cases each client opened (one each at least, when the open phase did not run).
    await Promise.all(clients.map((c, n) => (caseIds[n].length ? undefined : openCase(c, n, -1))));
    const session = PHASES.has('session')
      ? await run('record a session (POST /api/disputes/:id/sessions)', phase(clients, 201, (c, n, i) => {
          const mine = caseIds[n];
          return c.send('POST', `/api/disputes/${mine[i % mine.length]}/sessions`, aSession(i));
        }, appCpu))
      : undefined;
    if (PHASES.has('health')) await run('GET /health', phase(clients, 200, (c) => c.send('GET', '/health'), appCpu));
    if (PHASES.has('me')) await run('GET /api/auth/me', phase(clients, 200, (c) => c.send('GET', '/api/auth/me'), appCpu));
    const bare2 = await run('bare POST, one INSERT (anchor, 2nd)', phase(bareClients, 201, (c, n, i) => c.send('POST', '/bare', aCase(n, i)), bareCpu));
    bareClients.forEach((c) => c.close());
    await meterPool.end();

    const anchor = { perSecond: (bare1.perSecond + bare2.perSecond) / 2, p99: (bare1.p99 + bare2.p99) / 2 };
    console.log('');
    console.log(`HTTP round trips (ms); ratios against the bare route's mean of both runs (${fmt(anchor.perSecond)}/s, p99 ${fmt(anchor.p99, 1)} ms)`);
    console.log(
      table(
        ['phase', 'requests', 'per s', 'p50', 'p99', 'rate / bare', 'p99 / bare', 'CPU ms/req server', 'db'],
        results.map(([what, f]) => [
          what,
          fmt(f.count),
          fmt(f.perSecond),
          fmt(f.p50, 1),
          fmt(f.p99, 1),
          `${fmt((100 * f.perSecond) / anchor.perSecond)}%`,
          `${fmt(f.p99 / anchor.p99, 2)}x`,
          f.cpu ? fmt(f.cpu.server, 2) : '-',
          f.cpu ? fmt(f.cpu.db, 2) : '-',
        ]),
      ),
    );
    console.log('');
    for (const [what, f] of [['open a case', open], ['record a session', session]] as const) {
      if (!f) continue;
      const rate = f.perSecond / anchor.perSecond;
      const tail = f.p99 / anchor.p99;
      const met = rate >= 0.7 && tail < 2;
      console.log(`goal (>= 70% of the bare rate, p99 < 2x bare): ${what}: ${fmt(100 * rate)}% and ${fmt(tail, 2)}x: ${met ? 'met' : 'NOT met'}`);
    }
  } finally {
    clients.forEach((c) => c.close());
    await stopChild(app.child);
    await stopChild(bare.child);
  }
});
