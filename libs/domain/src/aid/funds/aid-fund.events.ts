import type { DomainEvent } from '../../shared/messages.js';
import type { FundKind, IncomeSource } from '../aid-labels.js';
import { evolveDisbursement, type Disbursement, type DisbursementEvent } from '../disbursements/disbursement.js';
import { PersistentMap } from '../persistent-map.js';
import { fundRules } from './aid-fund.errors.js';
import type { ItemDeadlineNotice } from '../../deadlines/item-deadlines.js';
import type { DisbursementApprovalDeadlineEvent } from './approval-deadline.events.js';

export const aidFundStreamName = (fundId: string): string => `aid-fund-${fundId}`;

export interface Donor {
  readonly name: string;
  readonly receiptNumber: string;
}

export type AidFundOpened = DomainEvent<'AidFundOpened', { fundId: string; name: string; kind: FundKind; openedBy: string; openedAt: string }>;
export type AidIncomeRecorded = DomainEvent<
  'AidIncomeRecorded',
  {
    fundId: string;
    entryId: string;
    source: IncomeSource;
    amountFen: number;
    receivedOn: string;
    reference: string;
    donor?: Donor;
    recordedBy: string;
    recordedAt: string;
  }
>;
/**
 * A reversing entry: the income `correctsEntryId` is taken out again, in full, with the reason.
 * It repeats the source and the day of the entry it reverses, so that the figures for that
 * period read the corrected amount and the entry reads on its own in the trail.
 */
export type AidIncomeCorrected = DomainEvent<
  'AidIncomeCorrected',
  {
    fundId: string;
    entryId: string;
    correctsEntryId: string;
    source: IncomeSource;
    amountFen: number;
    receivedOn: string;
    reason: string;
    correctedBy: string;
    correctedAt: string;
  }
>;

export type AidFundEvent = AidFundOpened | AidIncomeRecorded | AidIncomeCorrected | DisbursementEvent | DisbursementApprovalDeadlineEvent;

export interface IncomeEntry {
  readonly entryId: string;
  readonly source: IncomeSource;
  readonly amountFen: number;
  readonly receivedOn: string;
  readonly reference: string;
  readonly donor?: Donor;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** The reversing entry, once corrected. */
  readonly correctedByEntryId: string | null;
  /** The reversal, once corrected: why, by whom, when (the fund's page as of a moment lists it). */
  readonly correction: IncomeCorrection | null;
}

export interface IncomeCorrection {
  readonly entryId: string;
  readonly reason: string;
  readonly correctedBy: string;
  readonly correctedAt: string;
}

export interface AidFund {
  readonly fundId: string;
  readonly name: string;
  readonly kind: FundKind;
  readonly openedBy: string;
  readonly openedAt: string;
  /** Income less corrections. */
  readonly incomeFen: number;
  readonly paidFen: number;
  /** Approved and not yet paid (nor cancelled). */
  readonly committedFen: number;
  readonly income: PersistentMap<IncomeEntry>;
  readonly disbursements: PersistentMap<Disbursement>;
  /** Approval warnings and misses the system recorded, by disbursement (absent before the first). */
  readonly approvalNotices?: PersistentMap<readonly ItemDeadlineNotice[]>;
}
export type AidFundState = AidFund | null;

/** What the fund holds: income less corrections less what was paid out. */
export const balanceFen = (fund: AidFund): number => fund.incomeFen - fund.paidFen;
/** What may still be approved: the balance less what is approved and not yet paid. */
export const availableFen = (fund: AidFund): number => balanceFen(fund) - fund.committedFen;

export const initialState = (): AidFundState => null;

/**
 * The fund's totals as a page shows them, each a safe integer (exact), or TOTAL_BEYOND_EXACT
 * naming the one that is not: only stored history from before the ceiling on entered amounts
 * can add up past the safe range, and a figure a few fen off is not shown.
 */
export function requireExactTotals(totals: Pick<AidFund, 'incomeFen' | 'paidFen' | 'committedFen'>): void {
  for (const figure of ['incomeFen', 'paidFen', 'committedFen'] as const) {
    if (!Number.isSafeInteger(totals[figure])) fundRules.totalBeyondExact(figure);
  }
}

/**
 * `total + delta`, exact: while every term is a safe integer the float sum is the exact sum, and
 * past that `recount` adds the fund's entries again as bigints. So a total that a huge income
 * (recorded before the ceiling) pushed past the safe range comes back exact when that income is
 * reversed, as the read model's bigint sums do (the replay was 1 fen off the live page).
 */
function exactly(total: number, delta: number, recount: () => bigint): number {
  const next = total + delta;
  return Number.isSafeInteger(total) && Number.isSafeInteger(delta) && Number.isSafeInteger(next) ? next : Number(recount());
}
const big = (fen: number): bigint => BigInt(Math.trunc(fen));
/** Income less corrections: every entry not reversed (a reversal takes its entry out in full). */
const incomeOf = (fund: Pick<AidFund, 'income'>): bigint => fund.income.values().reduce((s, e) => (e.correctedByEntryId ? s : s + big(e.amountFen)), 0n);
const disbursedOf = (fund: Pick<AidFund, 'disbursements'>, status: Disbursement['status']): bigint =>
  fund.disbursements.values().reduce((s, d) => (d.status === status ? s + big(d.amountFen) : s), 0n);

export function evolve(state: AidFundState, event: AidFundEvent): AidFundState {
  if (event.type === 'AidFundOpened') {
    if (state) return state;
    const { fundId, name, kind, openedBy, openedAt } = event.data;
    return { fundId, name, kind, openedBy, openedAt, incomeFen: 0, paidFen: 0, committedFen: 0, income: PersistentMap.empty(), disbursements: PersistentMap.empty() };
  }
  if (!state) return state;
  switch (event.type) {
    case 'AidIncomeRecorded': {
      const { entryId, source, amountFen, receivedOn, reference, donor, recordedBy, recordedAt } = event.data;
      const entry: IncomeEntry = { entryId, source, amountFen, receivedOn, reference, ...(donor ? { donor } : {}), recordedBy, recordedAt, correctedByEntryId: null, correction: null };
      const income = state.income.set(entryId, entry);
      return { ...state, incomeFen: exactly(state.incomeFen, amountFen, () => incomeOf({ income })), income };
    }
    case 'AidIncomeCorrected': {
      const corrected = state.income.get(event.data.correctsEntryId);
      if (!corrected) return state;
      const income = state.income.set(corrected.entryId, {
        ...corrected,
        correctedByEntryId: event.data.entryId,
        correction: { entryId: event.data.entryId, reason: event.data.reason, correctedBy: event.data.correctedBy, correctedAt: event.data.correctedAt },
      });
      return { ...state, incomeFen: exactly(state.incomeFen, -event.data.amountFen, () => incomeOf({ income })), income };
    }
    case 'DisbursementRequested':
    case 'DisbursementApproved':
    case 'DisbursementRejected':
    case 'DisbursementPaid':
    case 'DisbursementCancelled': {
      const before = state.disbursements.get(event.data.disbursementId);
      const after = evolveDisbursement(before, event);
      if (!after || after === before) return state;
      // The fund's money follows the disbursement's change of state, never the event alone.
      const approvedNow = after.status === 'approved' && before?.status === 'requested';
      const paidNow = after.status === 'paid' && before?.status === 'approved';
      const releasedNow = after.status === 'cancelled' && before?.status === 'approved';
      const disbursements = state.disbursements.set(after.disbursementId, after);
      const committedDelta = (approvedNow ? after.amountFen : 0) - (paidNow || releasedNow ? after.amountFen : 0);
      return {
        ...state,
        committedFen: exactly(state.committedFen, committedDelta, () => disbursedOf({ disbursements }, 'approved')),
        paidFen: exactly(state.paidFen, paidNow ? after.amountFen : 0, () => disbursedOf({ disbursements }, 'paid')),
        disbursements,
      };
    }
    case 'DisbursementApprovalWarned':
    case 'DisbursementApprovalMissed': {
      const { disbursementId, dueOn } = event.data;
      const notices = state.approvalNotices ?? PersistentMap.empty<readonly ItemDeadlineNotice[]>();
      const notice: ItemDeadlineNotice = { kind: 'disbursement_approval', itemId: disbursementId, level: event.type === 'DisbursementApprovalWarned' ? 'warned' : 'missed', dueOn };
      return { ...state, approvalNotices: notices.set(disbursementId, [...(notices.get(disbursementId) ?? []), notice]) };
    }
    default:
      void (event satisfies never);
      return state;
  }
}
