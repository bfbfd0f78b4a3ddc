import type { Command } from '../shared/command.js';
import { beijingDateTime, beijingDay, EARLIEST_DAY, happenedProblem, parseIsoDay, paymentDayProblem } from '../shared/dates.js';
import type { CommandContext, Decider } from '../shared/messages.js';
import { requireAmount, requireFen, splitFen, sumFen } from '../shared/money.js';
import { checkRecoveryDeadline, type CheckRecoveryDeadline } from '../deadlines/recovery-deadlines.js';
import type { RecoveryField } from './recovery-labels.js';
import { recoveryRules as broken } from './recovery.errors.js';
import {
  PAYOUT_METHODS,
  RECEIPT_CHANNELS,
  evolve,
  findWorker,
  initialState,
  isSettled,
  recoveryTotals,
  type Allocation,
  type Instalment,
  type PayoutMethod,
  type ReceiptChannel,
  type RecoveryEvent,
  type RecoveryLedger,
  type RecoveryState,
  type RecoveryWorker,
  type RecoveryWorkerRef,
} from './recovery.events.js';

/**
 * What the recovery needs to know of its case, read by the application from the case's stream
 * and handed in with every command, so that decide() stays pure: who may act, whether the case
 * is taken in and still open, when its application was received, and the agreement in force
 * (what each claimant is owed).
 */
export interface RecoveryCaseFacts {
  caseId: string;
  status: 'open' | 'accepted' | 'closed';
  /** When the application was received (a day or an instant): no money moves before its Beijing day. */
  receivedAt: string;
  mediatorId: string | null;
  claimants: { claimantId: string; workerId: string | null; name: string }[];
  agreement: {
    agreementId: string;
    amounts: { claimantId: string; amountFen: number }[];
    /** Set when the agreement in force is an amendment: the version it replaced, and why. */
    amends?: { agreementId: string; reason: string };
  } | null;
}

type RecoveryCommandOf<Type extends string, Data> = Command<Type, { caseId: string; case: RecoveryCaseFacts | null } & Data>;

/** Replaces the plan; once a plan is in force, a change needs its reason. */
export type SetPaymentPlan = RecoveryCommandOf<'SetPaymentPlan', { instalments: Instalment[]; reason?: string }>;
/** Without `allocations`, split pro rata to what each worker still has outstanding. */
export type RecordReceipt = RecoveryCommandOf<
  'RecordReceipt',
  { receiptId: string; amountFen: number; receivedOn: string; channel: ReceiptChannel; receiptNo: string; allocations?: Allocation[] }
>;
export type RecordPayout = RecoveryCommandOf<
  'RecordPayout',
  { payoutId: string; claimantId: string; amountFen: number; paidOn: string; method: PayoutMethod; reference: string }
>;
/** Without `amountFen`, all of the worker's allocated and unpaid money is held. */
export type HoldMoney = RecoveryCommandOf<'HoldMoney', { holdId: string; claimantId: string; amountFen?: number; heldOn?: string; reason: string }>;
/** Without `amountFen`, all the worker still has outstanding. */
export type RequestWriteOff = RecoveryCommandOf<'RequestWriteOff', { writeOffId: string; claimantId: string; amountFen?: number; reason: string }>;
export type ApproveWriteOff = RecoveryCommandOf<'ApproveWriteOff', { writeOffId: string }>;
export type RejectWriteOff = RecoveryCommandOf<'RejectWriteOff', { writeOffId: string; reason: string }>;
/**
 * Issued on the one command path right after the case's agreement is amended (never by a person
 * on its own): an open ledger re-bases onto the agreement now in force, and completes when that
 * settles it. Nothing when the ledger has not started (the first money command opens it from the
 * agreement then in force) or already follows that agreement, so it may be sent again freely.
 */
export type FollowAgreement = RecoveryCommandOf<'FollowAgreement', Record<never, never>>;

export type RecoveryCommand =
  | SetPaymentPlan
  | RecordReceipt
  | RecordPayout
  | HoldMoney
  | RequestWriteOff
  | ApproveWriteOff
  | RejectWriteOff
  | FollowAgreement
  | CheckRecoveryDeadline;

type Decided = RecoveryEvent[];

export function setPaymentPlan({ data, ctx }: SetPaymentPlan, ledger: RecoveryLedger): Decided {
  if (!Array.isArray(data.instalments) || data.instalments.length === 0) broken.planRequired();
  const instalments = data.instalments.map((i) => ({ dueOn: requirePlanDay(i.dueOn, ctx.now), amountFen: positiveFen(i.amountFen, 'instalments') }));
  const totalFen = sumFen(instalments.map((i) => i.amountFen));
  const owedFen = recoveryTotals(ledger).owedFen;
  if (totalFen !== owedFen) broken.planTotalMismatch(totalFen, owedFen);
  if (ledger.plan.length === 0) return [{ type: 'PaymentPlanSet', data: { caseId: ledger.caseId, instalments, totalFen, setAt: ctx.now } }];
  const sorted = [...instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  if (JSON.stringify(sorted) === JSON.stringify(ledger.plan)) return [];
  const reason = text(data.reason) || broken.reasonRequired('plan');
  return [
    {
      type: 'PaymentPlanAmended',
      data: { caseId: ledger.caseId, instalments, totalFen, previous: [...ledger.plan], reason, amendedAt: ctx.now },
    },
  ];
}

export function recordReceipt({ data, ctx }: RecordReceipt, ledger: RecoveryLedger): Decided {
  if (ledger.receipts.some((r) => r.receiptId === data.receiptId)) return [];
  const amountFen = positiveFen(data.amountFen, 'amountFen');
  const receivedOn = requireMoneyDay('receivedOn', data.receivedOn, ctx.now, data.case);
  const channel = requireOneOf('channel', data.channel, RECEIPT_CHANNELS);
  const receiptNo = text(data.receiptNo) || broken.textRequired('receiptNo');
  if (ledger.receipts.some((r) => r.receiptNo === receiptNo)) broken.receiptNoDuplicated(receiptNo);
  const outstandingFen = recoveryTotals(ledger).outstandingFen;
  if (amountFen > outstandingFen) broken.receiptAboveOutstanding(amountFen, outstandingFen);
  const explicit = data.allocations !== undefined && data.allocations !== null;
  const allocations = explicit ? explicitAllocations(ledger, data.allocations!, amountFen) : proRata(ledger, amountFen);
  return [
    {
      type: 'ReceiptRecorded',
      data: {
        caseId: ledger.caseId,
        receiptId: data.receiptId,
        amountFen,
        receivedOn,
        channel,
        receiptNo,
        allocation: explicit ? 'explicit' : 'pro_rata',
        allocations,
        recordedAt: ctx.now,
      },
    },
  ];
}

/** Largest remainder over what each worker still has outstanding: the same ledger and amount always give the same split. */
function proRata(ledger: RecoveryLedger, amountFen: number): Allocation[] {
  const shares = splitFen(amountFen, ledger.workers.map((w) => w.outstandingFen));
  return ledger.workers.map((w, i) => ({ claimantId: w.claimantId, amountFen: shares[i]! as number })).filter((a) => a.amountFen > 0);
}

function explicitAllocations(ledger: RecoveryLedger, given: readonly Allocation[], amountFen: number): Allocation[] {
  if (!Array.isArray(given)) broken.allocationSumMismatch(0, amountFen);
  const rows = given.map((a, i) => ({ claimantId: a.claimantId, amountFen: requireAmount(a.amountFen, `allocations[${i}].amountFen`) as number }));
  const unknown = rows.filter((a) => !findWorker(ledger, a.claimantId)).map((a) => a.claimantId);
  if (unknown.length > 0) broken.claimantNotInRecovery(unknown);
  const seen = new Set<string>();
  const twice = rows.filter((a) => (seen.has(a.claimantId) ? true : (seen.add(a.claimantId), false))).map((a) => a.claimantId);
  if (twice.length > 0) broken.allocationDuplicated(twice);
  const total = sumFen(rows.map((a) => a.amountFen));
  if (total !== amountFen) broken.allocationSumMismatch(total, amountFen);
  for (const a of rows) {
    const w = findWorker(ledger, a.claimantId)!;
    if (a.amountFen > w.outstandingFen) broken.allocationAboveOutstanding(w.name, w.claimantId, a.amountFen, w.outstandingFen);
  }
  // In the ledger's worker order, so that the same allocation reads the same however it was listed.
  const order = new Map(ledger.workers.map((w, i) => [w.claimantId, i]));
  return rows.filter((a) => a.amountFen > 0).sort((a, b) => order.get(a.claimantId)! - order.get(b.claimantId)!);
}

/**
 * A worker is paid only money that has arrived for them: counting receipts by their day received
 * and payouts by their day paid, on no day may the worker have been paid more than had been
 * received for them (allocated to them by the receipts) by that day. So a payout is refused
 * (DATE_IMPLAUSIBLE, reason `before_receipt`) when it is dated before the receipt that brings
 * the money received for the worker up to everything paid to them by then, this payout
 * included; and also when it would leave a payout already recorded, dated later, unfunded on
 * its day. `limit` in the answer is the first day the payout could be dated. Holds only set
 * allocated money aside, so they do not change what was received for the worker by a day.
 * Receipts may be entered after the fact in any order: an earlier-dated receipt only adds money
 * on earlier days, so it never breaks this rule for payouts already recorded.
 */
function checkPayoutFunded(ledger: RecoveryLedger, worker: RecoveryWorker, amountFen: number, paidOn: string): void {
  const received = ledger.receipts
    .map((r) => ({ day: r.receivedOn, fen: r.allocations.filter((a) => a.claimantId === worker.claimantId).reduce((s, a) => s + a.amountFen, 0) }))
    .filter((r) => r.fen > 0);
  const receivedBy = (day: string) => received.filter((r) => r.day <= day).reduce((s, r) => s + r.fen, 0);
  const paidBy = (day: string) => worker.payouts.filter((p) => p.paidOn <= day).reduce((s, p) => s + p.amountFen, 0);
  // What was received by a day less what was paid by it only drops on a payout's day, so those days (and the new one) are enough.
  const fundedFrom = (day: string) =>
    [day, ...worker.payouts.map((p) => p.paidOn).filter((d) => d > day)].every((d) => receivedBy(d) - paidBy(d) >= amountFen);
  if (fundedFrom(paidOn)) return;
  const earliest = [...new Set(received.map((r) => r.day))].sort().find((d) => d > paidOn && fundedFrom(d));
  broken.dateImplausible('paidOn', paidOn, 'before_receipt', earliest);
}

/** A payout draws on money held for the worker first (the oldest hold first), then on what is allocated and unpaid. */
export function recordPayout({ data, ctx }: RecordPayout, ledger: RecoveryLedger): Decided {
  if (ledger.workers.some((w) => w.payouts.some((p) => p.payoutId === data.payoutId))) return [];
  const worker = requireWorker(ledger, data.claimantId);
  const amountFen = positiveFen(data.amountFen, 'amountFen');
  const paidOn = requireMoneyDay('paidOn', data.paidOn, ctx.now, data.case);
  const method = requireOneOf('method', data.method, PAYOUT_METHODS);
  const reference = text(data.reference) || broken.textRequired('reference');
  const availableFen = worker.heldFen + worker.allocatedUnpaidFen;
  if (amountFen > availableFen) broken.payoutAboveAllocated(worker.name, worker.claimantId, amountFen, availableFen);
  checkPayoutFunded(ledger, worker, amountFen, paidOn);
  const fromHeldFen = Math.min(worker.heldFen, amountFen);
  return [
    {
      type: 'PayoutRecorded',
      data: { caseId: ledger.caseId, payoutId: data.payoutId, claimantId: worker.claimantId, amountFen, fromHeldFen, paidOn, method, reference, recordedAt: ctx.now },
    },
  ];
}

export function holdMoney({ data, ctx }: HoldMoney, ledger: RecoveryLedger): Decided {
  if (ledger.workers.some((w) => w.holds.some((h) => h.holdId === data.holdId))) return [];
  const worker = requireWorker(ledger, data.claimantId);
  const amountFen = data.amountFen === undefined || data.amountFen === null ? worker.allocatedUnpaidFen : positiveFen(data.amountFen, 'amountFen');
  if (amountFen === 0 || amountFen > worker.allocatedUnpaidFen) {
    broken.holdAboveAllocated(worker.name, worker.claimantId, amountFen, worker.allocatedUnpaidFen);
  }
  const heldOn = data.heldOn === undefined || data.heldOn === null ? beijingDay(ctx.now) : requireMoneyDay('heldOn', data.heldOn, ctx.now, data.case);
  const reason = text(data.reason) || broken.reasonRequired('hold');
  return [
    { type: 'MoneyHeld', data: { caseId: ledger.caseId, holdId: data.holdId, claimantId: worker.claimantId, amountFen, heldOn, reason, recordedAt: ctx.now } },
  ];
}

export function requestWriteOff({ data, ctx }: RequestWriteOff, ledger: RecoveryLedger): Decided {
  if (ledger.writeOffs.some((o) => o.writeOffId === data.writeOffId)) return [];
  const worker = requireWorker(ledger, data.claimantId);
  const pending = ledger.writeOffs.find((o) => o.claimantId === worker.claimantId && o.decision.status === 'pending');
  if (pending) broken.writeOffPending(worker.claimantId, pending.writeOffId);
  const amountFen = data.amountFen === undefined || data.amountFen === null ? worker.outstandingFen : positiveFen(data.amountFen, 'amountFen');
  if (amountFen === 0 || amountFen > worker.outstandingFen) {
    broken.writeOffAboveOutstanding(worker.name, worker.claimantId, amountFen, worker.outstandingFen);
  }
  const reason = text(data.reason) || broken.reasonRequired('write_off');
  return [
    {
      type: 'WriteOffRequested',
      data: { caseId: ledger.caseId, writeOffId: data.writeOffId, claimantId: worker.claimantId, amountFen, reason, requestedBy: ctx.actor.staffId, requestedAt: ctx.now },
    },
  ];
}

export function approveWriteOff({ data, ctx }: ApproveWriteOff, ledger: RecoveryLedger): Decided {
  const writeOff = decidableWriteOff(ledger, data.writeOffId, ctx, 'approved');
  if (!writeOff) return [];
  const worker = requireWorker(ledger, writeOff.claimantId);
  // Money may have arrived for the worker since the request: only what is still outstanding can go.
  if (writeOff.amountFen > worker.outstandingFen) {
    broken.writeOffAboveOutstanding(worker.name, worker.claimantId, writeOff.amountFen, worker.outstandingFen);
  }
  return [
    {
      type: 'WriteOffApproved',
      data: { caseId: ledger.caseId, writeOffId: writeOff.writeOffId, claimantId: worker.claimantId, amountFen: writeOff.amountFen, approvedBy: ctx.actor.staffId, approvedAt: ctx.now },
    },
  ];
}

export function rejectWriteOff({ data, ctx }: RejectWriteOff, ledger: RecoveryLedger): Decided {
  const writeOff = decidableWriteOff(ledger, data.writeOffId, ctx, 'rejected');
  if (!writeOff) return [];
  const reason = text(data.reason) || broken.reasonRequired('reject');
  return [
    {
      type: 'WriteOffRejected',
      data: { caseId: ledger.caseId, writeOffId: writeOff.writeOffId, claimantId: writeOff.claimantId, reason, rejectedBy: ctx.actor.staffId, rejectedAt: ctx.now },
    },
  ];
}

/** The pending write-off a supervisor other than its requester decides; null when this same decision was already made. */
function decidableWriteOff(ledger: RecoveryLedger, writeOffId: string, { actor }: CommandContext, decision: 'approved' | 'rejected') {
  const writeOff = ledger.writeOffs.find((o) => o.writeOffId === writeOffId) ?? broken.writeOffNotFound(writeOffId);
  if (writeOff.decision.status !== 'pending') {
    if (writeOff.decision.status === decision && writeOff.decision.by === actor.staffId) return null;
    broken.writeOffDecided(writeOffId, writeOff.decision.status);
  }
  if (writeOff.requestedBy === actor.staffId) broken.ownWriteOff(writeOffId);
  return writeOff;
}

/**
 * Every command: the case must exist, be open, have an agreement, and the actor may act on it.
 * The first command opens the ledger from the agreement; an amended agreement re-bases what
 * each worker is owed, with the amendment's reason. Then the command's own events; then, when
 * everyone has been paid or written off, the completion. The ledger that results is checked
 * against the invariants before anything is answered.
 */
export function decide(command: RecoveryCommand, state: RecoveryState): Decided {
  // The system's check neither opens nor re-bases a ledger: it only reads the one there is.
  if (command.type === 'CheckRecoveryDeadline') return checkRecoveryDeadline(command, state);
  if (command.type === 'FollowAgreement') return followAgreement(command, state);
  const facts = command.data.case;
  if (!facts || facts.caseId !== command.data.caseId) return broken.caseNotFound(command.data.caseId);
  if (facts.status === 'closed') broken.caseClosed(facts.caseId);
  // Money follows the agreement, which follows intake (history from before that rule included).
  if (facts.status === 'open') broken.intakeNotAccepted(facts.caseId);
  checkActor(command, facts);
  const agreement = facts.agreement ?? broken.noAgreement(facts.caseId);
  const opening = openOrRebase(state, facts, agreement, command.ctx);
  const ledger = opening.reduce(evolve, state) as RecoveryLedger;
  const own = decideOn(command, ledger);
  return completeAndCheck(state, [...opening, ...own], own.length > 0, command.ctx.now);
}

/**
 * The events decided, then, when they leave everyone paid or written off, the completion (only
 * when `mayComplete`); the ledger that results must balance.
 */
function completeAndCheck(state: RecoveryState, events: RecoveryEvent[], mayComplete: boolean, now: string): Decided {
  if (events.length === 0) return [];
  let after = events.reduce(evolve, state) as RecoveryLedger;
  if (after.status === 'recovering' && isSettled(after) && mayComplete) {
    const t = recoveryTotals(after);
    const completed: RecoveryEvent = {
      type: 'RecoveryCompleted',
      data: { caseId: after.caseId, totalOwedFen: t.owedFen, paidFen: t.paidFen, writtenOffFen: t.writtenOffFen, completedAt: now },
    };
    events.push(completed);
    after = evolve(after, completed) as RecoveryLedger;
  }
  const problems = ledgerProblems(after);
  if (problems.length > 0) broken.ledgerUnbalanced(problems.join('; '));
  return events;
}

/**
 * The ledger follows the case's agreement in force as soon as an amendment is recorded: re-based
 * onto it (with the amendment's reason) and, when that leaves everyone paid or written off,
 * complete. Refused (RECOVERY_REBASE_BELOW_RECOVERED) when the amendment would owe a worker less
 * than was received for them and written off, as any re-base is.
 */
export function followAgreement({ data, ctx }: FollowAgreement, state: RecoveryState): Decided {
  const facts = data.case;
  if (!facts || facts.caseId !== data.caseId) return broken.caseNotFound(data.caseId);
  if (state.status === 'not_started' || !facts.agreement) return [];
  const rebase = openOrRebase(state, facts, facts.agreement, ctx);
  return completeAndCheck(state, rebase, rebase.length > 0, ctx.now);
}

/**
 * The ledger as it stands under the agreement in force (pure): what `FollowAgreement` would make
 * of it. Whoever decides on the ledger from outside its stream (whether the case's agreement is
 * fulfilled) reads it through this, so that an amendment whose re-base has not reached the
 * ledger's stream yet already counts. Throws as `FollowAgreement` does.
 */
export function ledgerUnderAgreement(state: RecoveryState, facts: RecoveryCaseFacts, ctx: CommandContext): RecoveryState {
  const events = followAgreement({ type: 'FollowAgreement', data: { caseId: facts.caseId, case: facts }, ctx }, state);
  return events.reduce(evolve, state);
}

function decideOn(command: Exclude<RecoveryCommand, CheckRecoveryDeadline | FollowAgreement>, ledger: RecoveryLedger): Decided {
  switch (command.type) {
    case 'SetPaymentPlan':
      return setPaymentPlan(command, ledger);
    case 'RecordReceipt':
      return recordReceipt(command, ledger);
    case 'RecordPayout':
      return recordPayout(command, ledger);
    case 'HoldMoney':
      return holdMoney(command, ledger);
    case 'RequestWriteOff':
      return requestWriteOff(command, ledger);
    case 'ApproveWriteOff':
      return approveWriteOff(command, ledger);
    case 'RejectWriteOff':
      return rejectWriteOff(command, ledger);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown recovery command: ${JSON.stringify(unhandled)}`);
    }
  }
}

function checkActor(command: Exclude<RecoveryCommand, CheckRecoveryDeadline | FollowAgreement>, facts: RecoveryCaseFacts): void {
  const { actor } = command.ctx;
  if (command.type === 'ApproveWriteOff' || command.type === 'RejectWriteOff') {
    if (actor.role !== 'supervisor') broken.supervisorOnly();
    return;
  }
  const own = actor.role === 'mediator' && actor.staffId === facts.mediatorId;
  if (!own && actor.role !== 'supervisor') broken.notCaseworker(facts.caseId, facts.mediatorId);
}

function openOrRebase(
  state: RecoveryState,
  facts: RecoveryCaseFacts,
  agreement: NonNullable<RecoveryCaseFacts['agreement']>,
  ctx: CommandContext,
): RecoveryEvent[] {
  const names = new Map(facts.claimants.map((c) => [c.claimantId, c]));
  const workers: RecoveryWorkerRef[] = agreement.amounts.map((a) => ({
    claimantId: a.claimantId,
    workerId: names.get(a.claimantId)?.workerId ?? null,
    name: names.get(a.claimantId)?.name ?? a.claimantId,
    owedFen: requireFen(a.amountFen),
  }));
  const totalOwedFen = sumFen(workers.map((w) => w.owedFen));
  if (state.status === 'not_started') {
    return [{ type: 'RecoveryOpened', data: { caseId: facts.caseId, agreementId: agreement.agreementId, workers, totalOwedFen, openedAt: ctx.now } }];
  }
  if (state.agreementId === agreement.agreementId) return [];
  const reason = text(agreement.amends?.reason) || broken.reasonRequired('rebase');
  const owed = new Map(workers.map((w) => [w.claimantId, w.owedFen]));
  for (const w of state.workers) {
    const covered = w.owedFen - w.outstandingFen;
    const newOwed = owed.get(w.claimantId) ?? 0;
    if (newOwed < covered) broken.rebaseBelowRecovered(w.name, w.claimantId, newOwed, covered);
  }
  return [
    {
      type: 'OwedRebased',
      data: {
        caseId: facts.caseId,
        agreementId: agreement.agreementId,
        previousAgreementId: state.agreementId,
        reason,
        owed: workers,
        previousTotalFen: recoveryTotals(state).owedFen,
        totalOwedFen,
        rebasedAt: ctx.now,
      },
    },
  ];
}

/**
 * What is wrong with a ledger, in words (empty when it balances): for each worker
 * owed = paid + held + allocatedUnpaid + outstanding + writtenOff, no part negative, nobody
 * paid more than was allocated to them; for the case, received = paid + held + allocatedUnpaid.
 */
export function ledgerProblems(ledger: RecoveryLedger): string[] {
  const problems: string[] = [];
  const allocatedTo = new Map<string, number>();
  for (const r of ledger.receipts) for (const a of r.allocations) allocatedTo.set(a.claimantId, (allocatedTo.get(a.claimantId) ?? 0) + a.amountFen);
  for (const w of ledger.workers) {
    const parts = { paidFen: w.paidFen, heldFen: w.heldFen, allocatedUnpaidFen: w.allocatedUnpaidFen, outstandingFen: w.outstandingFen, writtenOffFen: w.writtenOffFen, owedFen: w.owedFen };
    for (const [name, fen] of Object.entries(parts)) if (!Number.isSafeInteger(fen) || fen < 0) problems.push(`${w.claimantId} ${name} ${fen}`);
    if (w.owedFen !== w.paidFen + w.heldFen + w.allocatedUnpaidFen + w.outstandingFen + w.writtenOffFen) problems.push(`${w.claimantId} owed does not add up`);
    const paidOut = w.payouts.reduce((s, p) => s + p.amountFen, 0);
    if (paidOut !== w.paidFen) problems.push(`${w.claimantId} payouts do not add up`);
    const allocated = allocatedTo.get(w.claimantId) ?? 0;
    if (allocated !== w.paidFen + w.heldFen + w.allocatedUnpaidFen) problems.push(`${w.claimantId} paid above allocated`);
    if (w.holds.reduce((s, h) => s + h.remainingFen, 0) !== w.heldFen) problems.push(`${w.claimantId} holds do not add up`);
  }
  const t = recoveryTotals(ledger);
  if (t.receivedFen !== t.paidFen + t.heldFen + t.allocatedUnpaidFen) problems.push('received does not add up');
  if (ledger.receipts.some((r) => r.allocations.reduce((s, a) => s + a.amountFen, 0) !== r.amountFen)) problems.push('a receipt is not fully allocated');
  return problems;
}

export const recoveryDecider: Decider<RecoveryState, RecoveryCommand, RecoveryEvent> = { initialState, evolve, decide };

function requireWorker(ledger: RecoveryLedger, claimantId: string): RecoveryWorker {
  return findWorker(ledger, claimantId) ?? broken.claimantNotInRecovery([claimantId]);
}

/** An amount a person entered: the kernel's requireAmount (whole fen, at most MAX_AMOUNT_FEN), and more than zero. */
function positiveFen(value: unknown, field: 'amountFen' | 'instalments'): number {
  const fen = requireAmount(value, field);
  return fen > 0 ? fen : broken.amountNotPositive(field);
}

/**
 * The day money was received from the employer, paid to a worker or held back: the kernel's rules for what
 * happened (not before 1990, not after today in Beijing) and, as for the case's own dates, not
 * before the Beijing day the application was received (`before_application`): a dispute's money
 * does not move before the dispute is brought.
 */
function requireMoneyDay(field: 'receivedOn' | 'paidOn' | 'heldOn', value: unknown, now: string, facts: RecoveryCaseFacts | null): string {
  const day = parseIsoDay(value) ?? broken.dateInvalid(field, value);
  const notBefore = facts?.receivedAt ? { value: facts.receivedAt, reason: 'before_application' as const } : undefined;
  const problem = happenedProblem({ kind: 'date', text: day, beijingDay: day }, now, notBefore);
  return problem ? broken.dateImplausible(field, day, problem, problem === 'before_application' ? beijingDateTime(facts!.receivedAt) : undefined) : day;
}

function requirePlanDay(value: unknown, now: string): string {
  const day = parseIsoDay(value) ?? broken.dateInvalid('dueOn', value);
  const problem = paymentDayProblem(day, now, EARLIEST_DAY);
  return problem ? broken.dateImplausible('dueOn', day, problem) : day;
}

function requireOneOf<T extends string>(field: RecoveryField, value: unknown, allowed: readonly T[]): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : broken.choiceInvalid(field, value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
