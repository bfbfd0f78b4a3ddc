// A recovery's deadlines: each instalment of the payment plan (due on its day, missed once the
// grace has run out and it is not paid in full), and each write-off waiting for a supervisor.
// What they depend on is folded twice, as the case's clock is: from the ledger (for the
// recovery's own decider, when a job checks) and from the events (for the deadlines read model,
// which the board, the scheduler and the sweep read). A unit test holds the two to each other.
import type { Command } from '../shared/command.js';
import { beijingDay, type IsoDay } from '../shared/dates.js';
import type { RecoveryCaseFacts } from '../recovery/recovery.decide.js';
import { recoveryTotals, type Instalment, type RecoveryEvent, type RecoveryLedger, type RecoveryState } from '../recovery/recovery.events.js';
import { addDays, daysBetween, storedBeijingDay } from './deadline-days.js';
import { deadlineRules as broken } from './deadline.errors.js';
import type { DeadlinePolicies, RecoveryDeadlineKind } from './deadline-policies.js';
import { approvalDeadline, itemDeadline, itemNoticeDue, type ItemDeadline, type ItemDeadlineNotice } from './item-deadlines.js';

export interface RecoveryWriteOffFacts {
  readonly writeOffId: string;
  readonly claimantId: string;
  readonly amountFen: number;
  readonly requestedBy: string;
  readonly requestedOn: IsoDay;
  readonly decided: { readonly approved: boolean; readonly on: IsoDay } | null;
}

/** What a recovery's deadlines depend on, in Beijing days. */
export interface RecoveryClockFacts {
  /** The plan in force, in due-day order. */
  readonly plan: readonly Instalment[];
  /** The day the plan in force was set or amended. */
  readonly planSetOn: IsoDay | null;
  readonly receipts: readonly { readonly receivedOn: IsoDay; readonly amountFen: number }[];
  readonly writeOffs: readonly RecoveryWriteOffFacts[];
  /**
   * What the workers are owed under the agreement the ledger follows: a plan set before an
   * amendment lowered it is due only up to it. Absent in clocks stored before it (no cap).
   */
  readonly owedFen?: number;
}

export function recoveryClockFacts(ledger: RecoveryLedger): RecoveryClockFacts {
  const set = ledger.planHistory.at(-1);
  return {
    plan: ledger.plan,
    planSetOn: set ? storedBeijingDay(set.at) : null,
    receipts: ledger.receipts.map((r) => ({ receivedOn: r.receivedOn, amountFen: r.amountFen })),
    writeOffs: ledger.writeOffs.map((o) => ({
      writeOffId: o.writeOffId,
      claimantId: o.claimantId,
      amountFen: o.amountFen,
      requestedBy: o.requestedBy,
      requestedOn: storedBeijingDay(o.requestedAt),
      decided: o.decision.status === 'pending' ? null : { approved: o.decision.status === 'approved', on: storedBeijingDay(o.decision.at) },
    })),
    owedFen: recoveryTotals(ledger).owedFen,
  };
}

/** A recovery's clock as the deadlines read model keeps it. */
export interface RecoveryClock {
  readonly caseId: string;
  readonly facts: RecoveryClockFacts;
  readonly notices: readonly ItemDeadlineNotice[];
  /** The event that set the plan in force, and each write-off's request: the jobs are named by them. */
  readonly causes: { readonly plan: string | null; readonly writeOffs: Readonly<Record<string, string>> };
}

/** The plan in due-day order, equal days kept in the order given (as the ledger keeps it). */
const byDueDay = (list: readonly Instalment[]): Instalment[] =>
  list.map((i, n) => ({ i, n })).sort((a, b) => (a.i.dueOn === b.i.dueOn ? a.n - b.n : a.i.dueOn < b.i.dueOn ? -1 : 1)).map((x) => x.i);

/** Folds one recovery event into its clock; the same clock back means nothing its deadlines depend on changed. */
export function evolveRecoveryClock(clock: RecoveryClock | null, event: RecoveryEvent, eventId: string): RecoveryClock | null {
  if (event.type === 'RecoveryOpened') {
    return clock ?? { caseId: event.data.caseId, facts: { plan: [], planSetOn: null, receipts: [], writeOffs: [], owedFen: event.data.totalOwedFen }, notices: [], causes: { plan: null, writeOffs: {} } };
  }
  if (!clock) return clock;
  const facts = (change: Partial<RecoveryClockFacts>): RecoveryClock => ({ ...clock, facts: { ...clock.facts, ...change } });
  const decided = (writeOffId: string, approved: boolean, at: string) =>
    facts({ writeOffs: clock.facts.writeOffs.map((o) => (o.writeOffId === writeOffId && !o.decided ? { ...o, decided: { approved, on: storedBeijingDay(at) } } : o)) });
  const notice = (n: ItemDeadlineNotice): RecoveryClock => ({ ...clock, notices: [...clock.notices, n] });
  switch (event.type) {
    case 'PaymentPlanSet':
    case 'PaymentPlanAmended': {
      const at = event.type === 'PaymentPlanSet' ? event.data.setAt : event.data.amendedAt;
      return { ...facts({ plan: byDueDay(event.data.instalments), planSetOn: storedBeijingDay(at) }), causes: { ...clock.causes, plan: eventId } };
    }
    case 'ReceiptRecorded':
      return facts({ receipts: [...clock.facts.receipts, { receivedOn: event.data.receivedOn, amountFen: event.data.amountFen }] });
    case 'WriteOffRequested': {
      const { writeOffId, claimantId, amountFen, requestedBy, requestedAt } = event.data;
      const writeOff: RecoveryWriteOffFacts = { writeOffId, claimantId, amountFen, requestedBy, requestedOn: storedBeijingDay(requestedAt), decided: null };
      return { ...facts({ writeOffs: [...clock.facts.writeOffs, writeOff] }), causes: { ...clock.causes, writeOffs: { ...clock.causes.writeOffs, [writeOffId]: eventId } } };
    }
    case 'WriteOffApproved':
      return decided(event.data.writeOffId, true, event.data.approvedAt);
    case 'WriteOffRejected':
      return decided(event.data.writeOffId, false, event.data.rejectedAt);
    case 'InstalmentDueWarned':
    case 'InstalmentMissed':
      return notice({ kind: 'instalment', itemId: event.data.dueOn, level: event.type === 'InstalmentDueWarned' ? 'warned' : 'missed', dueOn: event.data.dueOn });
    case 'WriteOffApprovalWarned':
    case 'WriteOffApprovalMissed':
      return notice({ kind: 'write_off_approval', itemId: event.data.writeOffId, level: event.type === 'WriteOffApprovalWarned' ? 'warned' : 'missed', dueOn: event.data.dueOn });
    case 'OwedRebased':
      return facts({ owedFen: event.data.totalOwedFen });
    case 'PayoutRecorded':
    case 'MoneyHeld':
    case 'RecoveryCompleted':
      return clock;
    default:
      void (event satisfies never);
      return clock;
  }
}

/** What covers the plan by the end of `day`: money received by then, and write-offs approved by then (as the ledger's page counts it). */
export function coveredFenBy(facts: RecoveryClockFacts, day: IsoDay): number {
  const received = facts.receipts.filter((r) => r.receivedOn <= day).reduce((s, r) => s + r.amountFen, 0);
  const writtenOff = facts.writeOffs.filter((o) => o.decided?.approved && o.decided.on <= day).reduce((s, o) => s + o.amountFen, 0);
  return received + writtenOff;
}

export interface InstalmentDeadline extends ItemDeadline {
  readonly kind: 'instalment';
  /** The instalment's number in the plan (the first, when several fall due on one day: they are one deadline). */
  readonly number: number;
  /** What covers it by the end of today, or of its last day once that has passed (money counts in due-day order). */
  readonly coveredFen: number;
}

/**
 * One deadline per due day of the plan in force: missed when what covers the plan, in due-day
 * order, does not cover it by the end of the grace; met when it does; ended when the case was
 * closed, or it was covered only after the grace (`doneLate`: missed all the same). The plan is
 * due only up to what the agreement in force owes (`owedFen`): after an amendment lowered it, and
 * before the plan is amended, an instalment beyond it is no deadline and one across it is due
 * for the part within it.
 */
export function instalmentDeadlines(facts: RecoveryClockFacts, policies: DeadlinePolicies, today: IsoDay, caseClosed: boolean): InstalmentDeadline[] {
  const { graceDays, warnDaysBefore } = policies.instalment;
  const deadlines: InstalmentDeadline[] = [];
  let through = 0;
  for (let i = 0; i < facts.plan.length; ) {
    const dueOn = facts.plan[i]!.dueOn;
    const number = i + 1;
    let planned = 0;
    for (; i < facts.plan.length && facts.plan[i]!.dueOn === dueOn; i++) planned += facts.plan[i]!.amountFen;
    through += planned;
    const before = through - planned;
    const amountFen = facts.owedFen === undefined ? planned : Math.min(planned, Math.max(0, facts.owedFen - before));
    if (amountFen === 0 && planned > 0) continue;
    const coveredBy = (day: IsoDay) => Math.min(amountFen, Math.max(0, coveredFenBy(facts, day) - before));
    const lastDay = addDays(dueOn, graceDays);
    const coveredFen = coveredBy(today < lastDay ? today : lastDay);
    const inTime = coveredFen >= amountFen;
    const paidNow = coveredBy(today) >= amountFen;
    const status = inTime ? 'met' : caseClosed || paidNow ? 'ended' : 'running';
    const startedOn = facts.planSetOn ?? dueOn;
    deadlines.push({
      ...itemDeadline({ kind: 'instalment', itemId: dueOn, startedOn, dueOn, status, doneLate: !inTime && paidNow && today > lastDay, amountFen, requestedBy: null, graceDays, warnDaysBefore }),
      kind: 'instalment',
      number,
      coveredFen,
    });
  }
  return deadlines;
}

/** Each write-off, from its request: decided within the policy's days (met), or not (missed); a closed case ends the wait. */
export function writeOffApprovalDeadlines(facts: RecoveryClockFacts, policies: DeadlinePolicies, caseClosed: boolean): ItemDeadline[] {
  return facts.writeOffs.map((o) =>
    approvalDeadline(
      { kind: 'write_off_approval', itemId: o.writeOffId, requestedOn: o.requestedOn, decidedOn: o.decided?.on ?? null, withdrawn: false, waitEnded: caseClosed, amountFen: o.amountFen, requestedBy: o.requestedBy },
      policies.writeOffApproval,
    ),
  );
}

export function recoveryDeadlines(facts: RecoveryClockFacts, policies: DeadlinePolicies, today: IsoDay, caseClosed: boolean): ItemDeadline[] {
  return [...instalmentDeadlines(facts, policies, today, caseClosed), ...writeOffApprovalDeadlines(facts, policies, caseClosed)];
}

/** Sent by a deadline job: records a warning or a miss on the recovery if, on fresh state, one is due. */
export type CheckRecoveryDeadline = Command<
  'CheckRecoveryDeadline',
  { caseId: string; kind: RecoveryDeadlineKind; itemId: string; policies: DeadlinePolicies; case: Pick<RecoveryCaseFacts, 'caseId' | 'status' | 'mediatorId'> | null }
>;

/**
 * Re-reads the item on the ledger as it stands now: nothing when it was paid or decided in time,
 * when the plan no longer has that due day, when the case was closed, or when already recorded.
 */
export function checkRecoveryDeadline({ data, ctx }: CheckRecoveryDeadline, state: RecoveryState): RecoveryEvent[] {
  if (ctx.actor.role !== 'system') broken.systemOnly();
  if (state.status === 'not_started' || !data.case || data.case.caseId !== state.caseId || data.case.status === 'closed') return [];
  const today = beijingDay(ctx.now);
  const facts = recoveryClockFacts(state);
  const recorded = state.deadlineNotices ?? [];
  const policyRevision = data.policies.revision;
  const caseId = state.caseId;
  if (data.kind === 'instalment') {
    const d = instalmentDeadlines(facts, data.policies, today, false).find((x) => x.itemId === data.itemId);
    const level = d ? itemNoticeDue(d, ctx.now, recorded) : null;
    if (!d || !level) return [];
    const { number, dueOn, amountFen, coveredFen } = d;
    const responsibleId = data.case.mediatorId;
    if (level === 'warned') {
      return [{ type: 'InstalmentDueWarned', data: { caseId, number, dueOn, amountFen, coveredFen, warnOn: d.warnOn, daysLeft: daysBetween(today, dueOn), responsibleId, policyRevision } }];
    }
    const graceDays = data.policies.instalment.graceDays;
    return [{ type: 'InstalmentMissed', data: { caseId, number, dueOn, amountFen, coveredFen, graceDays, lastDay: d.lastDay, daysOver: daysBetween(dueOn, today), responsibleId, policyRevision } }];
  }
  if (data.kind === 'write_off_approval') {
    const d = writeOffApprovalDeadlines(facts, data.policies, false).find((x) => x.itemId === data.itemId);
    const o = facts.writeOffs.find((x) => x.writeOffId === data.itemId);
    const level = d ? itemNoticeDue(d, ctx.now, recorded) : null;
    if (!d || !o || !level) return [];
    const { writeOffId, claimantId, amountFen, requestedOn } = o;
    const dueOn = d.dueOn;
    if (level === 'warned') {
      return [{ type: 'WriteOffApprovalWarned', data: { caseId, writeOffId, claimantId, amountFen, requestedOn, dueOn, daysLeft: daysBetween(today, dueOn), responsibleRole: 'supervisor', policyRevision } }];
    }
    return [{ type: 'WriteOffApprovalMissed', data: { caseId, writeOffId, claimantId, amountFen, requestedOn, dueOn, daysOver: Math.max(1, daysBetween(dueOn, today)), responsibleRole: 'supervisor', policyRevision } }];
  }
  return [];
}
