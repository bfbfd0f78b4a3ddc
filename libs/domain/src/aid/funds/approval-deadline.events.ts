import type { DomainEvent } from '../../shared/messages.js';

// Recorded by the system on the fund's stream, where the disbursement waits: the request has
// waited for a supervisor until its warning day, or past its last day (once per due day each).

export type DisbursementApprovalWarned = DomainEvent<
  'DisbursementApprovalWarned',
  {
    fundId: string;
    disbursementId: string;
    beneficiaryName: string;
    amountFen: number;
    requestedOn: string;
    dueOn: string;
    daysLeft: number;
    responsibleRole: 'supervisor';
    policyRevision: number;
  }
>;
export type DisbursementApprovalMissed = DomainEvent<
  'DisbursementApprovalMissed',
  {
    fundId: string;
    disbursementId: string;
    beneficiaryName: string;
    amountFen: number;
    requestedOn: string;
    dueOn: string;
    daysOver: number;
    responsibleRole: 'supervisor';
    policyRevision: number;
  }
>;
export type DisbursementApprovalDeadlineEvent = DisbursementApprovalWarned | DisbursementApprovalMissed;
