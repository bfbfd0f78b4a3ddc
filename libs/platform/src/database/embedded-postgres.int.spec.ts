import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresBusy, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The embedded PostgreSQL this file starts, in folders of its own under .data/. */
describe('embedded PostgreSQL: supervised, one owner per DATA_DIR', () => {
  let dataDir: string;
  let db: EmbeddedDatabase | undefined;
  const logged: string[] = [];
  const logger = { log: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    await mkdir('.data', { recursive: true });
    dataDir = resolve(await mkdtemp(join('.data', 'supervised-')));
  });
  afterAll(async () => {
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('restarts a server that was killed: down with the reason meanwhile, then up, committed rows intact, pools reconnect', async () => {
    db = await startEmbeddedPostgres({ dataDir, logger, restartDelaysMs: [2000, 500] });
    const pool = new pg.Pool({ connectionString: db.adminUrl, max: 2 });
    pool.on('error', () => undefined); // idle connections die with the server
    try {
      await pool.query('CREATE TABLE acknowledged (n int PRIMARY KEY)');
      for (let n = 1; n <= 50; n++) await pool.query('INSERT INTO acknowledged VALUES ($1)', [n]);
      expect(db.supervisor!.status()).toEqual({ up: true, restarts: 0 });

      const killed = postmasterPid();
      process.kill(killed, 'SIGKILL');
      const down = await until('the supervisor to notice', () => (db!.supervisor!.status().up ? undefined : db!.supervisor!.status()), 3000);
      expect(down).toEqual({ up: false, reason: 'stopped by SIGKILL', restarts: 0 });
      await expect(pool.query('SELECT 1')).rejects.toThrow();

      await until('the server to be back', () => (db!.supervisor!.status().up ? true : undefined), 60_000);
      expect(db.supervisor!.status()).toEqual({ up: true, restarts: 1 });
      expect(postmasterPid()).not.toBe(killed);
      const rows = await until('a query to pass', () => pool.query('SELECT count(*)::int AS n FROM acknowledged').then((r) => r.rows[0].n as number, () => undefined), 10_000);
      expect(rows).toBe(50);
      expect(logged.join('\n')).toMatch(/embedded PostgreSQL is down \(stopped by SIGKILL\); restarting it in 2 s/);
      expect(logged.join('\n')).toMatch(/embedded PostgreSQL is running again \(restart 1\)/);
    } finally {
      await pool.end();
    }
  }, 120_000);

  it('refuses a second owner while the first lives; a command-line tool may attach', async () => {
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(EmbeddedPostgresBusy);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(`is in use by another "npm start" (pid ${process.pid})`);
    const attached = await startEmbeddedPostgres({ dataDir, attach: true });
    expect(attached.supervisor).toBeNull();
    const c = new pg.Client({ connectionString: attached.adminUrl });
    await c.connect();
    expect((await c.query('SELECT count(*)::int AS n FROM acknowledged')).rows[0].n).toBe(50);
    await c.end();
    await attached.stop(); // stops nothing: the server is not the tool's
    expect(alive(postmasterPid())).toBe(true);
  }, 60_000);

  it('stops the server an ended owner left running, then starts its own on the same data', async () => {
    const orphan = postmasterPid();
    db!.supervisor!.release(); // from here on this process plays an owner that died: nobody stops or restarts that server
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout.trim());
    writeFileSync(join(dataDir, 'embedded-postgres.owner'), JSON.stringify({ pid: deadPid, startTime: null, since: new Date().toISOString() }));

    logged.length = 0;
    db = await startEmbeddedPostgres({ dataDir, logger });
    expect(alive(orphan)).toBe(false);
    expect(logged.join('\n')).toContain(`was left running by a process that has ended (pid ${deadPid}): stopping it cleanly first`);
    const c = new pg.Client({ connectionString: db.adminUrl });
    await c.connect();
    expect((await c.query('SELECT count(*)::int AS n FROM acknowledged')).rows[0].n).toBe(50);
    await c.end();

    const server = postmasterPid();
    await db.stop();
    db = undefined;
    expect(alive(server)).toBe(false);
  }, 120_000);
});
