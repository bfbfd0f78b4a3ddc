import type { DomainEvent } from '../shared/messages.js';
import type { ItemDeadlineNotice } from '../deadlines/item-deadlines.js';

/** One stream per case's recovery, beside the case's own stream (`dispute-<caseId>`). */
export const recoveryStreamName = (caseId: string): string => `recovery-${caseId}`;

/** How money came from the employer (欠薪保障金: the wage-guarantee fund). */
export const RECEIPT_CHANNELS = ['bank_transfer', 'cash', 'court_enforcement', 'wage_guarantee_fund', 'other'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/** How a worker was paid; cash is paid against the worker's signature, whose reference is recorded. */
export const PAYOUT_METHODS = ['bank_transfer', 'cash', 'other'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export interface Instalment {
  readonly dueOn: string;
  readonly amountFen: number;
}
export interface Allocation {
  readonly claimantId: string;
  readonly amountFen: number;
}
export interface RecoveryWorkerRef {
  readonly claimantId: string;
  readonly workerId: string | null;
  readonly name: string;
  readonly owedFen: number;
}

/** Started by the first money command on a case with an agreement: what each worker is owed under it. */
export type RecoveryOpened = DomainEvent<
  'RecoveryOpened',
  { caseId: string; agreementId: string; workers: RecoveryWorkerRef[]; totalOwedFen: number; openedAt: string }
>;
/** The case's agreement was amended: each worker's owed amount follows the amendment, with its reason. */
export type OwedRebased = DomainEvent<
  'OwedRebased',
  {
    caseId: string;
    agreementId: string;
    previousAgreementId: string;
    reason: string;
    /** Every worker under the amended agreement (a worker it leaves out is owed nothing). */
    owed: RecoveryWorkerRef[];
    previousTotalFen: number;
    totalOwedFen: number;
    rebasedAt: string;
  }
>;
export type PaymentPlanSet = DomainEvent<'PaymentPlanSet', { caseId: string; instalments: Instalment[]; totalFen: number; setAt: string }>;
export type PaymentPlanAmended = DomainEvent<
  'PaymentPlanAmended',
  { caseId: string; instalments: Instalment[]; totalFen: number; previous: Instalment[]; reason: string; amendedAt: string }
>;
export type ReceiptRecorded = DomainEvent<
  'ReceiptRecorded',
  {
    caseId: string;
    receiptId: string;
    amountFen: number;
    receivedOn: string;
    channel: ReceiptChannel;
    receiptNo: string;
    /** 'pro_rata': split by the largest remainder over what each still had outstanding. */
    allocation: 'pro_rata' | 'explicit';
    allocations: Allocation[];
    recordedAt: string;
  }
>;
/** `fromHeldFen` of the amount was money held for the worker (paid out later); the rest was allocated and unpaid. */
export type PayoutRecorded = DomainEvent<
  'PayoutRecorded',
  {
    caseId: string;
    payoutId: string;
    claimantId: string;
    amountFen: number;
    fromHeldFen: number;
    paidOn: string;
    method: PayoutMethod;
    reference: string;
    recordedAt: string;
  }
>;
export type MoneyHeld = DomainEvent<
  'MoneyHeld',
  { caseId: string; holdId: string; claimantId: string; amountFen: number; heldOn: string; reason: string; recordedAt: string }
>;
export type WriteOffRequested = DomainEvent<
  'WriteOffRequested',
  { caseId: string; writeOffId: string; claimantId: string; amountFen: number; reason: string; requestedBy: string; requestedAt: string }
>;
export type WriteOffApproved = DomainEvent<
  'WriteOffApproved',
  { caseId: string; writeOffId: string; claimantId: string; amountFen: number; approvedBy: string; approvedAt: string }
>;
export type WriteOffRejected = DomainEvent<
  'WriteOffRejected',
  { caseId: string; writeOffId: string; claimantId: string; reason: string; rejectedBy: string; rejectedAt: string }
>;
/** Every worker has been paid or had the rest written off: the agreement can be recorded as fulfilled. */
export type RecoveryCompleted = DomainEvent<
  'RecoveryCompleted',
  { caseId: string; totalOwedFen: number; paidFen: number; writtenOffFen: number; completedAt: string }
>;

/** Recorded by the system when an unpaid instalment's warning day begins (once per due day). */
export type InstalmentDueWarned = DomainEvent<
  'InstalmentDueWarned',
  { caseId: string; number: number; dueOn: string; amountFen: number; coveredFen: number; warnOn: string; daysLeft: number; responsibleId: string | null; policyRevision: number }
>;
/** Recorded by the system when an instalment was not paid in full by its due day plus the grace (once per due day). */
export type InstalmentMissed = DomainEvent<
  'InstalmentMissed',
  {
    caseId: string;
    number: number;
    dueOn: string;
    amountFen: number;
    /** What covered it by the grace's last day. */
    coveredFen: number;
    graceDays: number;
    lastDay: string;
    /** Days since the due day. */
    daysOver: number;
    responsibleId: string | null;
    policyRevision: number;
  }
>;
/** Recorded by the system when a write-off has waited for a supervisor until its warning day. */
export type WriteOffApprovalWarned = DomainEvent<
  'WriteOffApprovalWarned',
  { caseId: string; writeOffId: string; claimantId: string; amountFen: number; requestedOn: string; dueOn: string; daysLeft: number; responsibleRole: 'supervisor'; policyRevision: number }
>;
/** Recorded by the system when a write-off was still undecided at the end of its last day. */
export type WriteOffApprovalMissed = DomainEvent<
  'WriteOffApprovalMissed',
  { caseId: string; writeOffId: string; claimantId: string; amountFen: number; requestedOn: string; dueOn: string; daysOver: number; responsibleRole: 'supervisor'; policyRevision: number }
>;
export type RecoveryDeadlineEvent = InstalmentDueWarned | InstalmentMissed | WriteOffApprovalWarned | WriteOffApprovalMissed;

export type RecoveryEvent =
  | RecoveryOpened
  | OwedRebased
  | PaymentPlanSet
  | PaymentPlanAmended
  | ReceiptRecorded
  | PayoutRecorded
  | MoneyHeld
  | WriteOffRequested
  | WriteOffApproved
  | WriteOffRejected
  | RecoveryCompleted
  | RecoveryDeadlineEvent;

export interface Payout {
  readonly payoutId: string;
  readonly amountFen: number;
  readonly fromHeldFen: number;
  readonly paidOn: string;
  readonly method: PayoutMethod;
  readonly reference: string;
}
/** Money held for a worker who cannot be reached; `remainingFen` is what has not been paid out yet. */
export interface Hold {
  readonly holdId: string;
  readonly amountFen: number;
  readonly remainingFen: number;
  readonly heldOn: string;
  readonly reason: string;
}
export interface WriteOff {
  readonly writeOffId: string;
  readonly claimantId: string;
  readonly amountFen: number;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decision:
    | { readonly status: 'pending' }
    | { readonly status: 'approved'; readonly by: string; readonly at: string }
    | { readonly status: 'rejected'; readonly by: string; readonly at: string; readonly reason: string };
}

/**
 * One worker's money. Each part is kept on its own (not derived from the others), so that the
 * invariant `owed = paid + held + allocatedUnpaid + outstanding + writtenOff` is a check, not a
 * tautology: `outstandingFen` is what the employer has not yet paid for this worker.
 */
export interface RecoveryWorker {
  readonly claimantId: string;
  readonly workerId: string | null;
  readonly name: string;
  readonly owedFen: number;
  readonly paidFen: number;
  readonly heldFen: number;
  readonly allocatedUnpaidFen: number;
  readonly outstandingFen: number;
  readonly writtenOffFen: number;
  readonly payouts: readonly Payout[];
  readonly holds: readonly Hold[];
}
export interface Receipt {
  readonly receiptId: string;
  readonly amountFen: number;
  readonly receivedOn: string;
  readonly channel: ReceiptChannel;
  readonly receiptNo: string;
  readonly allocation: 'pro_rata' | 'explicit';
  readonly allocations: readonly Allocation[];
}
export interface PlanVersion {
  readonly instalments: readonly Instalment[];
  readonly totalFen: number;
  readonly at: string;
  readonly reason?: string;
}

interface LedgerFields {
  readonly caseId: string;
  readonly agreementId: string;
  readonly workers: readonly RecoveryWorker[];
  /** What the employer has paid in, receipt by receipt. */
  readonly receivedFen: number;
  readonly receipts: readonly Receipt[];
  /** The plan in force, in due-date order; empty until one is set. */
  readonly plan: readonly Instalment[];
  readonly planHistory: readonly PlanVersion[];
  readonly writeOffs: readonly WriteOff[];
  readonly rebases: readonly { agreementId: string; reason: string; at: string; totalOwedFen: number }[];
  readonly openedAt: string;
  /** Warnings and misses the system recorded (instalments, write-offs waiting); absent in ledgers before them. */
  readonly deadlineNotices?: readonly ItemDeadlineNotice[];
}
/** Money is still owed to someone. */
export interface Recovering extends LedgerFields {
  readonly status: 'recovering';
}
/** Every worker was paid or had the rest written off. */
export interface Recovered extends LedgerFields {
  readonly status: 'complete';
  readonly completedAt: string;
}
export type RecoveryLedger = Recovering | Recovered;
/** No recovery until the first money command on a case with an agreement. */
export type RecoveryState = { readonly status: 'not_started' } | RecoveryLedger;

export const initialState = (): RecoveryState => ({ status: 'not_started' });

export function evolve(state: RecoveryState, event: RecoveryEvent): RecoveryState {
  if (event.type === 'RecoveryOpened') return opened(event.data);
  return state.status === 'not_started' ? state : fold(state, event);
}

function opened(data: RecoveryOpened['data']): Recovering {
  return {
    status: 'recovering',
    caseId: data.caseId,
    agreementId: data.agreementId,
    workers: data.workers.map(newWorker),
    receivedFen: 0,
    receipts: [],
    plan: [],
    planHistory: [],
    writeOffs: [],
    rebases: [],
    openedAt: data.openedAt,
  };
}

function newWorker(w: RecoveryWorkerRef): RecoveryWorker {
  return {
    claimantId: w.claimantId,
    workerId: w.workerId,
    name: w.name,
    owedFen: w.owedFen,
    paidFen: 0,
    heldFen: 0,
    allocatedUnpaidFen: 0,
    outstandingFen: w.owedFen,
    writtenOffFen: 0,
    payouts: [],
    holds: [],
  };
}

const byDueDate = (list: readonly Instalment[]): Instalment[] =>
  list.map((i, n) => ({ i, n })).sort((a, b) => (a.i.dueOn === b.i.dueOn ? a.n - b.n : a.i.dueOn < b.i.dueOn ? -1 : 1)).map((x) => x.i);

function fold(state: RecoveryLedger, event: Exclude<RecoveryEvent, RecoveryOpened>): RecoveryLedger {
  const worker = (claimantId: string, change: (w: RecoveryWorker) => RecoveryWorker): readonly RecoveryWorker[] =>
    state.workers.map((w) => (w.claimantId === claimantId ? change(w) : w));
  switch (event.type) {
    case 'OwedRebased': {
      const owed = new Map(event.data.owed.map((o) => [o.claimantId, o.owedFen]));
      const known = new Set(state.workers.map((w) => w.claimantId));
      const workers = [
        ...state.workers.map((w) => {
          const owedFen = owed.get(w.claimantId) ?? 0;
          return { ...w, owedFen, outstandingFen: w.outstandingFen + owedFen - w.owedFen };
        }),
        ...event.data.owed.filter((o) => !known.has(o.claimantId)).map(newWorker),
      ];
      const { agreementId, reason, rebasedAt, totalOwedFen } = event.data;
      const rebased = { ...state, agreementId, workers, rebases: [...state.rebases, { agreementId, reason, at: rebasedAt, totalOwedFen }] };
      // More owed than before reopens a completed recovery.
      return workers.some((w) => w.outstandingFen > 0 || w.allocatedUnpaidFen > 0 || w.heldFen > 0) ? reopened(rebased) : rebased;
    }
    case 'PaymentPlanSet':
    case 'PaymentPlanAmended': {
      const plan = byDueDate(event.data.instalments);
      const at = event.type === 'PaymentPlanSet' ? event.data.setAt : event.data.amendedAt;
      const reason = event.type === 'PaymentPlanAmended' ? event.data.reason : undefined;
      return { ...state, plan, planHistory: [...state.planHistory, { instalments: plan, totalFen: event.data.totalFen, at, ...(reason ? { reason } : {}) }] };
    }
    case 'ReceiptRecorded': {
      const { caseId: _c, recordedAt: _r, ...receipt } = event.data;
      const share = new Map(receipt.allocations.map((a) => [a.claimantId, a.amountFen]));
      return {
        ...state,
        receivedFen: state.receivedFen + receipt.amountFen,
        receipts: [...state.receipts, receipt],
        workers: state.workers.map((w) => {
          const fen = share.get(w.claimantId) ?? 0;
          return fen === 0 ? w : { ...w, allocatedUnpaidFen: w.allocatedUnpaidFen + fen, outstandingFen: w.outstandingFen - fen };
        }),
      };
    }
    case 'PayoutRecorded': {
      const { payoutId, claimantId, amountFen, fromHeldFen, paidOn, method, reference } = event.data;
      return {
        ...state,
        workers: worker(claimantId, (w) => ({
          ...w,
          paidFen: w.paidFen + amountFen,
          heldFen: w.heldFen - fromHeldFen,
          allocatedUnpaidFen: w.allocatedUnpaidFen - (amountFen - fromHeldFen),
          payouts: [...w.payouts, { payoutId, amountFen, fromHeldFen, paidOn, method, reference }],
          holds: releaseHolds(w.holds, fromHeldFen),
        })),
      };
    }
    case 'MoneyHeld': {
      const { holdId, claimantId, amountFen, heldOn, reason } = event.data;
      return {
        ...state,
        workers: worker(claimantId, (w) => ({
          ...w,
          heldFen: w.heldFen + amountFen,
          allocatedUnpaidFen: w.allocatedUnpaidFen - amountFen,
          holds: [...w.holds, { holdId, amountFen, remainingFen: amountFen, heldOn, reason }],
        })),
      };
    }
    case 'WriteOffRequested': {
      const { caseId: _, ...request } = event.data;
      return { ...state, writeOffs: [...state.writeOffs, { ...request, decision: { status: 'pending' } }] };
    }
    case 'WriteOffApproved': {
      const { writeOffId, claimantId, amountFen, approvedBy, approvedAt } = event.data;
      return {
        ...state,
        writeOffs: state.writeOffs.map((o) => (o.writeOffId === writeOffId ? { ...o, decision: { status: 'approved', by: approvedBy, at: approvedAt } } : o)),
        workers: worker(claimantId, (w) => ({ ...w, writtenOffFen: w.writtenOffFen + amountFen, outstandingFen: w.outstandingFen - amountFen })),
      };
    }
    case 'WriteOffRejected': {
      const { writeOffId, reason, rejectedBy, rejectedAt } = event.data;
      return {
        ...state,
        writeOffs: state.writeOffs.map((o) =>
          o.writeOffId === writeOffId ? { ...o, decision: { status: 'rejected', by: rejectedBy, at: rejectedAt, reason } } : o,
        ),
      };
    }
    case 'RecoveryCompleted':
      return { ...state, status: 'complete', completedAt: event.data.completedAt };
    case 'InstalmentDueWarned':
    case 'InstalmentMissed': {
      const level = event.type === 'InstalmentDueWarned' ? 'warned' : 'missed';
      const { dueOn } = event.data;
      return { ...state, deadlineNotices: [...(state.deadlineNotices ?? []), { kind: 'instalment', itemId: dueOn, level, dueOn }] };
    }
    case 'WriteOffApprovalWarned':
    case 'WriteOffApprovalMissed': {
      const level = event.type === 'WriteOffApprovalWarned' ? 'warned' : 'missed';
      const { writeOffId, dueOn } = event.data;
      return { ...state, deadlineNotices: [...(state.deadlineNotices ?? []), { kind: 'write_off_approval', itemId: writeOffId, level, dueOn }] };
    }
    default:
      // An event type from a newer version is ignored, but the compiler flags one added here and not folded.
      void (event satisfies never);
      return state;
  }
}

function reopened(state: RecoveryLedger): Recovering {
  if (state.status === 'recovering') return state;
  const { completedAt: _, ...rest } = state;
  return { ...rest, status: 'recovering' };
}

/** Paying out held money empties the oldest holds first. */
function releaseHolds(holds: readonly Hold[], fen: number): readonly Hold[] {
  let left = fen;
  return holds.map((h) => {
    const taken = Math.min(h.remainingFen, left);
    left -= taken;
    return taken === 0 ? h : { ...h, remainingFen: h.remainingFen - taken };
  });
}

export function findWorker(ledger: RecoveryLedger, claimantId: string): RecoveryWorker | undefined {
  return ledger.workers.find((w) => w.claimantId === claimantId);
}

export interface RecoveryTotals {
  owedFen: number;
  receivedFen: number;
  paidFen: number;
  heldFen: number;
  allocatedUnpaidFen: number;
  outstandingFen: number;
  writtenOffFen: number;
}

/** The case's totals: the workers' parts added up, and what the employer paid in. */
export function recoveryTotals(ledger: RecoveryLedger): RecoveryTotals {
  const sum = (part: (w: RecoveryWorker) => number) => ledger.workers.reduce((s, w) => s + part(w), 0);
  return {
    owedFen: sum((w) => w.owedFen),
    receivedFen: ledger.receivedFen,
    paidFen: sum((w) => w.paidFen),
    heldFen: sum((w) => w.heldFen),
    allocatedUnpaidFen: sum((w) => w.allocatedUnpaidFen),
    outstandingFen: sum((w) => w.outstandingFen),
    writtenOffFen: sum((w) => w.writtenOffFen),
  };
}

/** Nothing more to collect or pay: every worker's owed amount was paid or written off. */
export function isSettled(ledger: RecoveryLedger): boolean {
  return ledger.workers.every((w) => w.paidFen + w.writtenOffFen === w.owedFen);
}
