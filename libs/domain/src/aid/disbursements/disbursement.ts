import { beijingDay } from '../../shared/dates.js';
import type { DomainEvent } from '../../shared/messages.js';
import type { PaymentMethod, ProgrammeKind } from '../aid-labels.js';
import type { BeneficiaryRef } from '../beneficiary-facts.js';

// A disbursement's lifecycle: requested by a fund officer, approved or rejected by a supervisor who
// did not request it, then paid or cancelled. It lives in its fund's stream, so that every approval
// is decided against the fund's money at that revision: two approvals racing for the last yuan
// cannot both be appended.

export type DisbursementRequested = DomainEvent<
  'DisbursementRequested',
  {
    fundId: string;
    disbursementId: string;
    programmeId: string;
    programmeKind: ProgrammeKind;
    programmeName: string;
    beneficiary: BeneficiaryRef;
    beneficiaryName: string;
    amountFen: number;
    reason: string;
    /** The calendar year (Beijing) the aid is for: caps and the Workers' Home subsidy count per year. */
    year: number;
    requestedBy: string;
    requestedAt: string;
    /** The day it was asked for (Beijing), when entered after the fact; events before it came: the day recorded. */
    requestedOn?: string;
  }
>;
export type DisbursementApproved = DomainEvent<
  'DisbursementApproved',
  /** `approvedOn`: the day it was approved (Beijing), when entered after the fact; events before it came: the day recorded. */
  { fundId: string; disbursementId: string; amountFen: number; note?: string; approvedBy: string; approvedAt: string; approvedOn?: string }
>;
export type DisbursementRejected = DomainEvent<
  'DisbursementRejected',
  { fundId: string; disbursementId: string; amountFen: number; reason: string; rejectedBy: string; rejectedAt: string }
>;
export type DisbursementPaid = DomainEvent<
  'DisbursementPaid',
  { fundId: string; disbursementId: string; amountFen: number; method: PaymentMethod; reference: string; paidOn: string; paidBy: string; recordedAt: string }
>;
/** `wasApproved`: the cancellation gives the approved amount back to what the fund has available. */
export type DisbursementCancelled = DomainEvent<
  'DisbursementCancelled',
  { fundId: string; disbursementId: string; amountFen: number; wasApproved: boolean; reason: string; cancelledBy: string; cancelledAt: string }
>;

export type DisbursementEvent = DisbursementRequested | DisbursementApproved | DisbursementRejected | DisbursementPaid | DisbursementCancelled;

interface Base {
  readonly disbursementId: string;
  readonly fundId: string;
  readonly programmeId: string;
  readonly programmeKind: ProgrammeKind;
  readonly programmeName: string;
  readonly beneficiary: BeneficiaryRef;
  readonly beneficiaryName: string;
  readonly amountFen: number;
  readonly reason: string;
  readonly year: number;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** The business day it was asked for (Beijing); `requestedAt` is when it was recorded. */
  readonly requestedOn: string;
  /** 0 when requested, one more for each change: the disbursement's own revision (its ETag). */
  readonly version: number;
}
export interface Approval {
  readonly approvedBy: string;
  readonly approvedAt: string;
  /** The business day it was approved (Beijing); `approvedAt` is when it was recorded. */
  readonly approvedOn: string;
  readonly note?: string;
}
export interface Payment {
  readonly method: PaymentMethod;
  readonly reference: string;
  readonly paidOn: string;
  readonly paidBy: string;
}

export type RequestedDisbursement = Base & { readonly status: 'requested' };
export type ApprovedDisbursement = Base & { readonly status: 'approved'; readonly approval: Approval };
export type PaidDisbursement = Base & { readonly status: 'paid'; readonly approval: Approval; readonly payment: Payment };
export type RejectedDisbursement = Base & { readonly status: 'rejected'; readonly rejectedBy: string; readonly rejectedAt: string; readonly rejectionReason: string };
export type CancelledDisbursement = Base & {
  readonly status: 'cancelled';
  readonly approval: Approval | null;
  readonly cancelledBy: string;
  readonly cancelledAt: string;
  readonly cancelReason: string;
};

export type Disbursement = RequestedDisbursement | ApprovedDisbursement | PaidDisbursement | RejectedDisbursement | CancelledDisbursement;
export type DisbursementStatus = Disbursement['status'];
export const DISBURSEMENT_STATUSES = ['requested', 'approved', 'paid', 'rejected', 'cancelled'] as const satisfies readonly DisbursementStatus[];

/**
 * One disbursement's next state. An event that does not fit the state it meets (never appended
 * by decide) leaves the state as it is, so a replay never throws on history.
 */
export function evolveDisbursement(d: Disbursement | undefined, event: DisbursementEvent): Disbursement | undefined {
  if (event.type === 'DisbursementRequested') {
    if (d) return d;
    const { fundId, disbursementId, programmeId, programmeKind, programmeName, beneficiary, beneficiaryName, amountFen, reason, year, requestedBy, requestedAt } = event.data;
    const requestedOn = event.data.requestedOn ?? beijingDay(requestedAt);
    return { status: 'requested', fundId, disbursementId, programmeId, programmeKind, programmeName, beneficiary, beneficiaryName, amountFen, reason, year, requestedBy, requestedAt, requestedOn, version: 0 };
  }
  if (!d) return d;
  const version = d.version + 1;
  switch (event.type) {
    case 'DisbursementApproved': {
      if (d.status !== 'requested') return d;
      const { approvedBy, approvedAt, note } = event.data;
      const approvedOn = event.data.approvedOn ?? beijingDay(approvedAt);
      return { ...d, status: 'approved', version, approval: { approvedBy, approvedAt, approvedOn, ...(note ? { note } : {}) } };
    }
    case 'DisbursementRejected':
      if (d.status !== 'requested') return d;
      return { ...d, status: 'rejected', version, rejectedBy: event.data.rejectedBy, rejectedAt: event.data.rejectedAt, rejectionReason: event.data.reason };
    case 'DisbursementPaid': {
      if (d.status !== 'approved') return d;
      const { method, reference, paidOn, paidBy } = event.data;
      return { ...d, status: 'paid', version, payment: { method, reference, paidOn, paidBy } };
    }
    case 'DisbursementCancelled':
      if (d.status !== 'requested' && d.status !== 'approved') return d;
      return {
        ...d,
        status: 'cancelled',
        version,
        approval: d.status === 'approved' ? d.approval : null,
        cancelledBy: event.data.cancelledBy,
        cancelledAt: event.data.cancelledAt,
        cancelReason: event.data.reason,
      };
    default:
      void (event satisfies never);
      return d;
  }
}

/** Still counts against a programme's cap and the once-a-year rule: neither rejected nor cancelled. */
export function isLive(d: Disbursement): boolean {
  return d.status === 'requested' || d.status === 'approved' || d.status === 'paid';
}
