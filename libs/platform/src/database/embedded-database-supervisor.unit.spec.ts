import { EventEmitter } from 'node:events';
import { EmbeddedDatabaseSupervisor, type SupervisedServer } from './embedded-database-supervisor.js';
import { describePostgresExit } from './postgres-exit.js';

/** A server process stand-in: the supervisor only listens for its exit. */
class FakeProcess extends EventEmitter {
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.emit('exit', code, signal);
  }
}

function harness(startResults: Array<'ok' | 'fail'> = []) {
  const logged: string[] = [];
  let clock = 1_000_000;
  let log: string[] = [];
  const processes: FakeProcess[] = [];
  const server: SupervisedServer = {
    start: async () => {
      log = [];
      if (startResults.shift() === 'fail') {
        log.push('PANIC:  could not write to file "pg_wal/xlogtemp.9": No space left on device\n');
        throw new Error('the server stopped while starting');
      }
      const p = new FakeProcess();
      processes.push(p);
      return p;
    },
    describeExit: (exit) => describePostgresExit(log, exit),
    stop: async () => undefined,
  };
  const first = new FakeProcess();
  processes.push(first);
  const supervisor = new EmbeddedDatabaseSupervisor(server, first, { log: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) }, [20, 20], () => clock);
  return {
    supervisor,
    logged,
    processes,
    writeLog: (line: string) => {
      log.push(line);
      supervisor.noteLog(line);
    },
    advance: (ms: number) => (clock += ms),
  };
}

const settle = (ms = 120) => new Promise((r) => setTimeout(r, ms));

describe('EmbeddedDatabaseSupervisor', () => {
  it('reports a full disk while PostgreSQL keeps running but cannot write, until the message stops coming', () => {
    const h = harness();
    h.writeLog('ERROR:  could not extend file "base/5/16384": No space left on device\n');
    expect(h.supervisor.status()).toEqual({ up: false, reason: expect.stringMatching(/^disk full: .*No space left on device/), restarts: 0 });
    expect(h.logged.join('\n')).toMatch(/disk full/);
    h.advance(31_000);
    expect(h.supervisor.status()).toEqual({ up: true, restarts: 0 });
  });

  it('takes a recovery PostgreSQL made by itself (after a PANIC, without exiting) as space again', () => {
    const h = harness();
    h.writeLog('PANIC:  could not write to file "pg_wal/xlogtemp.7": No space left on device\n');
    expect(h.supervisor.status().up).toBe(false);
    h.writeLog('LOG:  all server processes terminated; reinitializing\nLOG:  database system is ready to accept connections\n');
    expect(h.supervisor.status()).toEqual({ up: true, restarts: 0 });
  });

  it('says why the server stopped, retries a failed start with backoff, and is up again when it starts', async () => {
    const h = harness(['fail', 'ok']);
    h.writeLog('PANIC:  could not write to file "pg_wal/xlogtemp.7": No space left on device\n');
    h.processes[0].exit(1);
    expect(h.supervisor.status()).toMatchObject({ up: false, reason: expect.stringMatching(/^disk full/), restarts: 0 });
    await settle();
    expect(h.logged.join('\n')).toMatch(/did not start again \(disk full: .*\); next try in 0.02 s/);
    expect(h.supervisor.status()).toEqual({ up: true, restarts: 1 }); // it started: there is space again
    expect(h.logged.join('\n')).toMatch(/running again \(restart 1\)/);

    h.processes[1].exit(null, 'SIGKILL'); // the restarted one is watched too
    expect(h.supervisor.status()).toEqual({ up: false, reason: 'stopped by SIGKILL', restarts: 1 });
    await settle();
    expect(h.supervisor.status()).toEqual({ up: true, restarts: 2 });
  });

  it('says nothing of a requested shutdown (Ctrl-C reaches PostgreSQL first) when this process stops right after', async () => {
    const h = harness(['ok']);
    h.processes[0].exit(0);
    h.supervisor.release();
    await settle();
    expect(h.logged).toEqual([]);
    expect(h.processes).toHaveLength(1);
  });

  it('starts again, and says so, after a shutdown nobody in this process asked for', async () => {
    const h = harness(['ok']);
    h.processes[0].exit(0);
    await settle();
    expect(h.logged.join('\n')).toMatch(/was shut down \(exited with code 0\) while this process runs: starting it again/);
    expect(h.supervisor.status()).toEqual({ up: true, restarts: 1 });
  });

  it('restarts nothing once shutdown has begun', async () => {
    const h = harness(['ok']);
    h.supervisor.release();
    h.processes[0].exit(0);
    await settle();
    expect(h.processes).toHaveLength(1);
    expect(h.logged).toEqual([]);
  });
});
