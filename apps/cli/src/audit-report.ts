import type { AuditProblem, VerifyReport } from '#audit';

/** The verification's outcome as an auditor reads it in a terminal (English; --json for machines). */
export function printReport(report: VerifyReport, seconds: number, out: (line: string) => void): void {
  const rate = seconds > 0 ? Math.round(report.eventsChecked / seconds) : report.eventsChecked;
  out(`${report.eventsChecked} events in ${report.streamsChecked} streams checked in ${seconds.toFixed(2)} s (${rate} events/s); root ${report.rootHash || '(one stream)'}`);
  for (const c of report.checkpointsChecked) out(`checkpoint ${c.id} (${c.size} events): ${c.matches ? 'root matches' : `root DIFFERS (signed ${c.rootHash}, recomputed ${c.recomputed ?? 'n/a: the log is shorter'})`}`);
  if (report.ok) {
    out('OK: every event matches its hash, every stream its chain, every checkpoint its root.');
    return;
  }
  const [first, ...rest] = report.problems;
  out(`NOT INTACT. First mismatch: ${describe(first)}`);
  for (const p of rest) out(`  also: ${describe(p)}`);
  if (report.truncated) out('  (more problems not listed)');
}

function describe(p: AuditProblem): string {
  const where = p.streamName ? `stream ${p.streamName}, revision ${p.revision}, event ${p.eventId}` : p.checkpointId ? `checkpoint ${p.checkpointId}` : '';
  return `[${p.kind}] ${where}: ${p.message.en}`;
}
