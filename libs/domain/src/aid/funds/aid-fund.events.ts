import type { DomainEvent } from '../../shared/messages.js';
import type { FundKind, IncomeSource } from '../aid-labels.js';
import { evolveDisbursement, type Disbursement, type DisbursementEvent } from '../disbursements/disbursement.js';
import { PersistentMap } from '../persistent-map.js';
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
      return { ...state, incomeFen: state.incomeFen + amountFen, income: state.income.set(entryId, entry) };
    }
    case 'AidIncomeCorrected': {
      const corrected = state.income.get(event.data.correctsEntryId);
      if (!corrected) return state;
      return {
        ...state,
        incomeFen: state.incomeFen - event.data.amountFen,
        income: state.income.set(corrected.entryId, {
          ...corrected,
          correctedByEntryId: event.data.entryId,
          correction: { entryId: event.data.entryId, reason: event.data.reason, correctedBy: event.data.correctedBy, correctedAt: event.data.correctedAt },
        }),
      };
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
      return {
        ...state,
        committedFen: state.committedFen + (approvedNow ? after.amountFen : 0) - (paidNow || releasedNow ? after.amountFen : 0),
        paidFen: state.paidFen + (paidNow ? after.amountFen : 0),
        disbursements: state.disbursements.set(after.disbursementId, after),
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
