import { normalisePersonName } from '../parties/person-name.js';
import { validateResidentId } from '../parties/resident-id.js';
import { listNames } from '../shared/bilingual.js';
import { rule } from '../shared/domain-error.js';
import type { ClaimantRef } from './dispute-case.events.js';

/**
 * What the command path read, from the workers' and employers' own streams, of the parties a
 * new case or new claimants name: each registered worker's name by id (lower case), with its
 * resident ID number (to compare with the one the claimant's form gives; never kept in an
 * event) and the staff member who registered it, when the stream says; and the registered
 * employers' ids. An id missing here is not registered: a caller that reads nothing (a CLI, a
 * job) has every named worker and employer refused, never let through.
 */
export interface RegisteredParties {
  workers: Readonly<Record<string, { name: string; idNumber?: string; registeredBy?: string }>>;
  employers: readonly string[];
}

/** A claimant as checked here: `idNumber` is the resident ID number the form gives as proof of knowing the worker. */
export interface NamedClaimant {
  claimantId?: string;
  workerId?: string | null;
  name: string;
  idNumber?: string | null;
}

/**
 * A claimant naming a worker (`workerId`) must be that registered worker, by name (both
 * normalised: person-name.ts). A respondent naming an employer must name a registered one.
 *
 * Proof of knowledge: naming a registered worker does not by itself let the case's mediator see
 * the worker's full ID and phone numbers (every role can list workers' names and ids). The link
 * is verified, and the claimant recorded with `idVerified: true`, only when whoever names the
 * worker shows they know them: the claimant's `idNumber` is the worker's registered resident ID
 * number (compared normalised: trimmed, upper-case X), or the worker was registered by that
 * same staff member (`namedBy`). A number given that is not the worker's is refused, naming
 * `claimants[i].idNumber`, and nothing is stored. An `idNumber` beside no `workerId` proves
 * nothing and is not kept. Checked only when a command is decided (new claimants, a new case),
 * never in a fold: a case recorded before this rule replays, its claimants unverified.
 *
 * Returns the claimant ids (of those given one) whose link is verified.
 */
export function checkCaseParties(
  claimants: readonly NamedClaimant[],
  respondent: { employerId?: string | null } | undefined,
  registered: RegisteredParties | undefined,
  namedBy?: string,
): ReadonlySet<string> {
  const workers = registered?.workers ?? {};
  const unknown: { field: string; workerId: string }[] = [];
  const notThatWorker: { field: string; workerId: string; name: string }[] = [];
  const wrongNumber: { field: string; workerId: string }[] = [];
  const verified = new Set<string>();
  claimants.forEach((c, i) => {
    if (!c.workerId) return;
    const worker = Object.hasOwn(workers, c.workerId.toLowerCase()) ? workers[c.workerId.toLowerCase()] : undefined;
    if (!worker) return void unknown.push({ field: `claimants[${i}].workerId`, workerId: c.workerId });
    if (normalisePersonName(worker.name) !== normalisePersonName(c.name)) return void notThatWorker.push({ field: `claimants[${i}].name`, workerId: c.workerId, name: normalisePersonName(c.name) });
    const given = typeof c.idNumber === 'string' && c.idNumber.trim() !== '' ? c.idNumber : null;
    if (given !== null && !sameResidentId(given, worker.idNumber)) return void wrongNumber.push({ field: `claimants[${i}].idNumber`, workerId: c.workerId });
    const known = given !== null || (namedBy !== undefined && worker.registeredBy === namedBy);
    if (known && c.claimantId) verified.add(c.claimantId);
  });
  if (unknown.length > 0) casePartyRules.workersNotFound(unknown);
  if (notThatWorker.length > 0) casePartyRules.claimantsNotThoseWorkers(notThatWorker);
  if (wrongNumber.length > 0) casePartyRules.idNumbersNotThoseWorkers(wrongNumber);
  const employerId = respondent?.employerId;
  if (employerId && !(registered?.employers ?? []).includes(employerId.toLowerCase())) casePartyRules.employerNotFound(employerId, 'respondent.employerId');
  return verified;
}

/** Both numbers valid and equal once normalised; a number the worker's stream does not hold matches nothing. */
function sameResidentId(given: string, registered: string | undefined): boolean {
  if (registered === undefined) return false;
  const a = validateResidentId(given);
  const b = validateResidentId(registered);
  return a.ok && b.ok && a.normalized === b.normalized;
}

/** The claimants as recorded, those of a verified link marked `idVerified: true` (absent means not verified). */
export function markVerifiedLinks(claimants: readonly ClaimantRef[], verified: ReadonlySet<string>): ClaimantRef[] {
  return claimants.map((c) => (c.workerId !== null && verified.has(c.claimantId) ? { ...c, idVerified: true } : c));
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
  idNumbersNotThoseWorkers: (rows: readonly { field: string; workerId: string }[]): never =>
    rule(
      'CLAIMANT_ID_NUMBER_MISMATCH',
      `The resident ID number given for ${whose(rows, 'en')} is not the number the worker with that worker id is registered under; check the number on the worker's ID card, or leave it out (the worker's numbers then stay masked to the case's mediator).`,
      `${whose(rows, 'zh')}所填的身份证号码与所填职工编号登记的号码不一致；请核对职工的身份证，或不填（不填则本案调解员看不到该职工的完整证件号码和电话）。`,
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
