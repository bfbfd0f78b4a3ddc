// A disbursement waiting for a supervisor's approval: decided within the policy's days from its
// request, or missed. Its facts are folded from the fund's state (for the fund's decider, when a
// job checks) and from the fund's events (for the deadlines read model), as the case's are.
import type { Command } from '../shared/command.js';
import { beijingDay, type IsoDay } from '../shared/dates.js';
import type { Disbursement } from '../aid/disbursements/disbursement.js';
import type { AidFundEvent, AidFundState } from '../aid/funds/aid-fund.events.js';
import { daysBetween, storedBeijingDay } from './deadline-days.js';
import { deadlineRules as broken } from './deadline.errors.js';
import type { DeadlinePolicies } from './deadline-policies.js';
import { approvalDeadline, itemNoticeDue, type ItemDeadline, type ItemDeadlineNotice } from './item-deadlines.js';

export interface DisbursementClockFacts {
  readonly fundId: string;
  readonly disbursementId: string;
  readonly programmeName: string;
  readonly beneficiaryName: string;
  readonly amountFen: number;
  readonly requestedBy: string;
  readonly requestedOn: IsoDay;
  /** The first decision on the request: approved or rejected by a supervisor, or the request cancelled. */
  readonly decided: { readonly outcome: 'approved' | 'rejected' | 'cancelled'; readonly on: IsoDay } | null;
}

export function disbursementClockFacts(d: Disbursement): DisbursementClockFacts {
  const decided = (() => {
    switch (d.status) {
      case 'requested':
        return null;
      case 'approved':
      case 'paid':
        return { outcome: 'approved' as const, on: storedBeijingDay(d.approval.approvedAt) };
      case 'rejected':
        return { outcome: 'rejected' as const, on: storedBeijingDay(d.rejectedAt) };
      case 'cancelled':
        return d.approval ? { outcome: 'approved' as const, on: storedBeijingDay(d.approval.approvedAt) } : { outcome: 'cancelled' as const, on: storedBeijingDay(d.cancelledAt) };
    }
  })();
  const { fundId, disbursementId, programmeName, beneficiaryName, amountFen, requestedBy } = d;
  return { fundId, disbursementId, programmeName, beneficiaryName, amountFen, requestedBy, requestedOn: storedBeijingDay(d.requestedAt), decided };
}

/** A disbursement's clock as the deadlines read model keeps it; `cause` is the request's event (the jobs are named by it). */
export interface DisbursementClock {
  readonly facts: DisbursementClockFacts;
  readonly notices: readonly ItemDeadlineNotice[];
  readonly cause: string;
}

/** Folds one fund event into a disbursement's clock; the same clock back means nothing changed. */
export function evolveDisbursementClock(clock: DisbursementClock | null, event: AidFundEvent, eventId: string): DisbursementClock | null {
  if (event.type === 'DisbursementRequested') {
    if (clock) return clock;
    const { fundId, disbursementId, programmeName, beneficiaryName, amountFen, requestedBy, requestedAt } = event.data;
    return { facts: { fundId, disbursementId, programmeName, beneficiaryName, amountFen, requestedBy, requestedOn: storedBeijingDay(requestedAt), decided: null }, notices: [], cause: eventId };
  }
  if (!clock) return clock;
  const decided = (outcome: 'approved' | 'rejected' | 'cancelled', at: string): DisbursementClock =>
    clock.facts.decided ? clock : { ...clock, facts: { ...clock.facts, decided: { outcome, on: storedBeijingDay(at) } } };
  switch (event.type) {
    case 'DisbursementApproved':
      return decided('approved', event.data.approvedAt);
    case 'DisbursementRejected':
      return decided('rejected', event.data.rejectedAt);
    case 'DisbursementCancelled':
      return decided('cancelled', event.data.cancelledAt);
    case 'DisbursementApprovalWarned':
    case 'DisbursementApprovalMissed': {
      const level = event.type === 'DisbursementApprovalWarned' ? 'warned' : 'missed';
      return { ...clock, notices: [...clock.notices, { kind: 'disbursement_approval', itemId: event.data.disbursementId, level, dueOn: event.data.dueOn }] };
    }
    case 'AidFundOpened':
    case 'AidIncomeRecorded':
    case 'AidIncomeCorrected':
    case 'DisbursementPaid':
      return clock;
    default:
      void (event satisfies never);
      return clock;
  }
}

/** Decided (approved or rejected) within the policy's days from the request: met; cancelled: ended; decided later: missed all the same. */
export function disbursementApprovalDeadline(facts: DisbursementClockFacts, policies: DeadlinePolicies): ItemDeadline {
  const { disbursementId: itemId, requestedOn, decided, amountFen, requestedBy } = facts;
  return approvalDeadline(
    { kind: 'disbursement_approval', itemId, requestedOn, decidedOn: decided?.on ?? null, withdrawn: decided?.outcome === 'cancelled', waitEnded: false, amountFen, requestedBy },
    policies.disbursementApproval,
  );
}

/** Sent by a deadline job: records on the fund a warning or a miss for a disbursement still waiting, if one is due. */
export type CheckDisbursementApproval = Command<'CheckDisbursementApproval', { fundId: string; disbursementId: string; policies: DeadlinePolicies }>;

export function checkDisbursementApproval({ data, ctx }: CheckDisbursementApproval, state: AidFundState): AidFundEvent[] {
  if (ctx.actor.role !== 'system') broken.systemOnly();
  const d = state?.fundId === data.fundId ? state.disbursements.get(data.disbursementId) : undefined;
  if (!state || !d) return [];
  const facts = disbursementClockFacts(d);
  const deadline = disbursementApprovalDeadline(facts, data.policies);
  const level = itemNoticeDue(deadline, ctx.now, state.approvalNotices?.get(d.disbursementId) ?? []);
  if (!level) return [];
  const today = beijingDay(ctx.now);
  const { fundId } = state;
  const { disbursementId, beneficiaryName, amountFen } = d;
  const { requestedOn } = facts;
  const { dueOn } = deadline;
  const policyRevision = data.policies.revision;
  if (level === 'warned') {
    return [{ type: 'DisbursementApprovalWarned', data: { fundId, disbursementId, beneficiaryName, amountFen, requestedOn, dueOn, daysLeft: daysBetween(today, dueOn), responsibleRole: 'supervisor', policyRevision } }];
  }
  return [{ type: 'DisbursementApprovalMissed', data: { fundId, disbursementId, beneficiaryName, amountFen, requestedOn, dueOn, daysOver: Math.max(1, daysBetween(dueOn, today)), responsibleRole: 'supervisor', policyRevision } }];
}
