import { describePostgresExit } from './postgres-exit.js';

describe('why the embedded PostgreSQL stopped', () => {
  it('says "disk full" when PostgreSQL could not write (the log lines of a full disk)', () => {
    const log = [
      '2026-11-26 07:00:01.123 UTC [4242] PANIC:  could not write to file "pg_wal/xlogtemp.4242": No space left on device\n',
      '2026-11-26 07:00:01.130 UTC [4200] LOG:  server process (PID 4242) was terminated by signal 6: Aborted\n',
      '2026-11-26 07:00:01.500 UTC [4200] LOG:  startup process (PID 4250) exited with exit code 1\n2026-11-26 07:00:01.501 UTC [4200] LOG:  aborting startup due to startup process failure\n',
    ];
    expect(describePostgresExit(log, { code: 1, signal: null })).toMatch(/^disk full: .*No space left on device/);
  });

  it('names the signal when the server was killed', () => {
    expect(describePostgresExit([], { code: null, signal: 'SIGKILL' })).toBe('stopped by SIGKILL');
  });

  it('does not take the sessions’ goodbye for the cause', () => {
    expect(describePostgresExit(['FATAL:  terminating connection due to unexpected postmaster exit\n'], { code: null, signal: 'SIGKILL' })).toBe('stopped by SIGKILL');
  });

  it('quotes the last FATAL or PANIC line, not ordinary log lines', () => {
    const log = ['LOG:  database system is ready\n', 'ERROR:  duplicate key value violates unique constraint\nDETAIL:  Key (id_number)=(110105199001011234) already exists.\n', '2026-11-26 UTC [1] FATAL:  pre-existing shared memory block (key 1, ID 2) is still in use\n'];
    const said = describePostgresExit(log, { code: 1, signal: null });
    expect(said).toBe('exited with code 1 (FATAL: pre-existing shared memory block (key 1, ID 2) is still in use)');
    expect(said).not.toMatch(/110105/);
  });
});
