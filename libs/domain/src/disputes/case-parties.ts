import { listNames } from '../shared/bilingual.js';
import { rule } from '../shared/domain-error.js';

/**
 * What the command path read, from the workers' and employers' own streams, of the parties a
 * new case or new claimants name: each registered worker's name by id (lower case), and the
 * registered employers' ids. An id missing here is not registered: a caller that reads nothing
 * (a CLI, a job) has every named worker and employer refused, never let through.
 */
export interface RegisteredParties {
  workers: Readonly<Record<string, { name: string }>>;
  employers: readonly string[];
}

/** A name as the system keeps it (a worker's registered name, a claimant's name): trimmed. */
const normalisedName = (name: unknown): string => (typeof name === 'string' ? name.trim() : '');

/**
 * A claimant naming a worker (`workerId`) must be that registered worker, by name: naming
 * someone else's id would make the case's mediator one of the few who see that person's full
 * ID and phone numbers. A respondent naming an employer must name a registered one. Checked
 * only when a command is decided (new claimants, a new case), never in a fold: a case recorded
 * before this rule, with a worker id that leads nowhere, still replays.
 */
export function checkCaseParties(
  claimants: readonly { workerId?: string | null; name: string }[],
  respondent: { employerId?: string | null } | undefined,
  registered: RegisteredParties | undefined,
): void {
  const workers = registered?.workers ?? {};
  const unknown: { field: string; workerId: string }[] = [];
  const notThatWorker: { field: string; workerId: string; name: string }[] = [];
  claimants.forEach((c, i) => {
    if (!c.workerId) return;
    const worker = Object.hasOwn(workers, c.workerId.toLowerCase()) ? workers[c.workerId.toLowerCase()] : undefined;
    if (!worker) unknown.push({ field: `claimants[${i}].workerId`, workerId: c.workerId });
    else if (normalisedName(worker.name) !== normalisedName(c.name)) notThatWorker.push({ field: `claimants[${i}].name`, workerId: c.workerId, name: normalisedName(c.name) });
  });
  if (unknown.length > 0) casePartyRules.workersNotFound(unknown);
  if (notThatWorker.length > 0) casePartyRules.claimantsNotThoseWorkers(notThatWorker);
  const employerId = respondent?.employerId;
  if (employerId && !(registered?.employers ?? []).includes(employerId.toLowerCase())) casePartyRules.employerNotFound(employerId, 'respondent.employerId');
}

/** The claimants concerned, by their place in the list sent (claimants[2] is the third). */
function whose(rows: readonly { field: string }[], lang: 'zh' | 'en'): string {
  const places = rows.map((r) => Number(/\[(\d+)\]/.exec(r.field)?.[1] ?? 0) + 1);
  if (lang === 'en') return `claimant${places.length > 1 ? 's' : ''} ${listNames(places.map(String), 'en')} in the list`;
  const head = places.slice(0, 5);
  return `第${head.join('、')}位申请人${places.length > head.length ? `等${places.length}人` : ''}`;
}

/** Broken rules of the parties a case names; `details.field(s)` name the request's fields. */
export const casePartyRules = {
  workersNotFound: (rows: readonly { field: string; workerId: string }[]): never =>
    rule(
      'WORKER_NOT_FOUND',
      `No worker is registered under the worker id given for ${whose(rows, 'en')}; register the worker first (/api/workers), or leave the worker id out.`,
      `${whose(rows, 'zh')}所填的职工编号尚未登记；请先登记该职工，或不填职工编号。`,
      { field: rows[0].field, fields: rows.map((r) => r.field), workerIds: rows.map((r) => r.workerId) },
    ),
  claimantsNotThoseWorkers: (rows: readonly { field: string; workerId: string; name: string }[]): never =>
    rule(
      'CLAIMANT_NOT_THAT_WORKER',
      `The name of ${whose(rows, 'en')} is not the name the worker with that worker id is registered under; check the worker id, or enter the name exactly as registered.`,
      `${whose(rows, 'zh')}的姓名与所填职工编号登记的姓名不一致；请核对职工编号，或按登记的姓名填写。`,
      { field: rows[0].field, fields: rows.map((r) => r.field), workerIds: rows.map((r) => r.workerId) },
    ),
  employerNotFound: (employerId: string, field: string): never =>
    rule(
      'EMPLOYER_NOT_FOUND',
      `No employer ${employerId} is registered; leave the employer id out, or register the employer first (/api/employers).`,
      `用人单位 ${employerId} 尚未登记；可不填单位编号，或先登记该用人单位。`,
      { field, fields: [field], employerId },
    ),
};
