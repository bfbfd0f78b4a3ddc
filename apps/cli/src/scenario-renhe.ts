import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '#config';
import { PERIOD } from './scenario/renhe-data.js';
import { recordRenhe } from './scenario/renhe-record.js';
import { differencesFromSeed, printable } from './scenario/renhe-report.js';

/**
 * `npm run scenario:renhe [-- --url http://127.0.0.1:3100]`: records the five-year scenario
 * through the HTTP API, then prints the period report for 2011–2016 and how it compares with the
 * seed's table. With --url it uses a running system (ADMIN_USERNAME / ADMIN_PASSWORD); without, it starts a fresh one of its own (the built
 * API, embedded PostgreSQL under a temporary DATA_DIR, or DATABASE_URL when set) and stops it after.
 */

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
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

async function startOwn(): Promise<{ url: string; admin: { username: string; password: string }; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'renhe-scenario-'));
  const admin = { username: 'admin', password: `renhe-${randomBytes(12).toString('base64url')}` };
  // The child gets this process's environment (DATABASE_URL, if set, chooses its database) with its own port, data and administrator.
  // eslint-disable-next-line no-restricted-properties -- handed on to the child whole, no setting is read here
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password, LOG_LEVEL: 'warn' };
  const child: ChildProcess = spawn(process.execPath, [join(here, '..', '..', 'api', 'src', 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the application exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the application did not become healthy within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    admin,
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The running system's administrator, from the settings (ADMIN_USERNAME / ADMIN_PASSWORD). */
function adminOfConfig(): { username: string; password: string } {
  const config = loadConfigOrExit();
  if (!config.ADMIN_USERNAME || !config.ADMIN_PASSWORD) throw new Error('set ADMIN_USERNAME and ADMIN_PASSWORD to the running system’s administrator');
  return { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD };
}

async function main(): Promise<number> {
  const given = arg('url');
  const lang = arg('lang') === 'en' ? 'en' : 'zh-CN';
  const system = given
    ? {
        url: given.replace(/\/$/, ''),
        admin: adminOfConfig(),
        stop: async () => undefined,
      }
    : await startOwn();
  try {
    const started = Date.now();
    console.log(`recording the Renhe scenario through ${system.url} …`);
    const { lastPosition, requests } = await recordRenhe({ baseUrl: system.url, admin: system.admin, progress: (line) => console.log(`  ${line}`) });
    console.log(`${requests} commands in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const login = await fetch(`${system.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(system.admin) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const q = new URLSearchParams({ ...PERIOD, lang, minPosition: lastPosition });
    const res = await fetch(`${system.url}/api/reports/period?${q}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (res.status !== 200) throw new Error(`the period report: ${res.status} ${await res.text()}`);
    const report = (await res.json()) as Parameters<typeof printable>[0];
    console.log('\n' + printable(report) + '\n');
    const wrong = differencesFromSeed(report.figures);
    if (wrong.length === 0) console.log('the report equals the seed’s table, every figure');
    else console.log(`the report differs from the seed’s table:\n  ${wrong.join('\n  ')}`);
    return wrong.length === 0 ? 0 : 2;
  } finally {
    await system.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
