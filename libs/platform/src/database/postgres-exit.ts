/** What the sessions say when the server went away: a consequence, not a cause. */
const CONSEQUENCE = /unexpected postmaster exit|terminating connection because of crash/;
const DISK_FULL = /No space left on device|could not extend file|ENOSPC/i;

/**
 * Why the embedded PostgreSQL stopped, in a sentence for /health and the log, from the exit and
 * the server's own log lines since it last started. Only PANIC/FATAL lines are quoted: they
 * name files and settings, never row values.
 */
export function describePostgresExit(logLines: readonly string[], exit: { code: number | null; signal: string | null }): string {
  const lines = logLines.flatMap((chunk) => chunk.split('\n')).map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => DISK_FULL.test(l))) {
    return 'disk full: PostgreSQL could not write its files (No space left on device); it is restarted until there is space again';
  }
  const how = exit.signal ? `stopped by ${exit.signal}` : exit.code === null ? 'did not start' : `exited with code ${exit.code}`;
  const cause = [...lines].reverse().find((l) => /\b(PANIC|FATAL):/.test(l) && !CONSEQUENCE.test(l));
  return `${how}${cause ? ` (${cause.replace(/^.*?\b(PANIC|FATAL):\s*/, '$1: ').slice(0, 300)})` : ''}`;
}
