// The policies deadlines are computed under: one per deadline kind, set by an administrator
// (kept as events in the `deadline-policies` stream), with the law's and the report's numbers
// as defaults. A new kind (an instalment's grace, an approval waiting) adds its policy here.

/** Why the mediation clock may stop for a while; which of them the federation allows is policy. */
export const PAUSE_REASONS = ['party_unreachable', 'awaiting_referral_answer', 'parties_request', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** LDMAL art. 14: 15 days from the application; a federation may set a shorter target, never a longer one. */
export const LAW_MEDIATION_DAYS = 15;

export interface MediationPolicy {
  /** Days from receipt (Beijing days) before a party may go to arbitration. */
  readonly days: number;
  /** The mediator and the supervisor are warned this many days before the end. */
  readonly warnDaysBefore: number;
  /** The reasons for which the clock may be paused. */
  readonly pauseReasons: readonly PauseReason[];
}

export interface FollowUpPolicy {
  /** Every open case is followed up at least once in this many calendar months. */
  readonly intervalMonths: number;
  readonly warnDaysBefore: number;
}

/** An instalment of a payment plan (wage recovery): due on its day, missed once the grace has run out unpaid. */
export interface InstalmentPolicy {
  /** Days after the due day the employer still has before the instalment counts as missed. */
  readonly graceDays: number;
  /** The mediator is warned this many days before the due day. */
  readonly warnDaysBefore: number;
}

/** A request waiting for a supervisor's decision (a disbursement, a write-off). */
export interface ApprovalPolicy {
  /** Days from the request (Beijing days) within which it is decided. */
  readonly days: number;
  readonly warnDaysBefore: number;
}

export interface CadreDutiesPolicy {
  readonly trainingsPerYear: number;
  readonly keyEnterpriseVisitsPerQuarter: number;
  readonly followUpsPerMonth: number;
}

export interface DeadlinePolicies {
  readonly mediation: MediationPolicy;
  readonly followUp: FollowUpPolicy;
  readonly cadreDuties: CadreDutiesPolicy;
  readonly instalment: InstalmentPolicy;
  readonly disbursementApproval: ApprovalPolicy;
  readonly writeOffApproval: ApprovalPolicy;
  /** The policy stream's revision these come from (-1: nothing set, the defaults): part of every job id. */
  readonly revision: number;
}

/**
 * The law's 15 days, the report's duties (4 trainings a year, a key-enterprise visit a quarter, a
 * follow-up a month); an instalment a week's grace, warned 3 days before it is due; a request
 * decided within 5 days, warned the day before.
 */
export const DEFAULT_POLICIES: DeadlinePolicies = {
  mediation: { days: LAW_MEDIATION_DAYS, warnDaysBefore: 3, pauseReasons: ['party_unreachable', 'awaiting_referral_answer'] },
  followUp: { intervalMonths: 1, warnDaysBefore: 5 },
  cadreDuties: { trainingsPerYear: 4, keyEnterpriseVisitsPerQuarter: 1, followUpsPerMonth: 1 },
  instalment: { graceDays: 7, warnDaysBefore: 3 },
  disbursementApproval: { days: 5, warnDaysBefore: 1 },
  writeOffApproval: { days: 5, warnDaysBefore: 1 },
  revision: -1,
};

/** The kinds of deadline a case carries. */
export const CASE_DEADLINE_KINDS = ['mediation', 'follow_up'] as const;
export type CaseDeadlineKind = (typeof CASE_DEADLINE_KINDS)[number];

/** Requests a supervisor decides, each with its own waiting policy. */
export const APPROVAL_KINDS = ['disbursement_approval', 'write_off_approval'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** The kinds of deadline on a case's recovery (its stream `recovery-<caseId>`). */
export const RECOVERY_DEADLINE_KINDS = ['instalment', 'write_off_approval'] as const;
export type RecoveryDeadlineKind = (typeof RECOVERY_DEADLINE_KINDS)[number];

/** The deadlines on something other than the case itself: an instalment, a request waiting for approval. */
export const ITEM_DEADLINE_KINDS = ['instalment', 'disbursement_approval', 'write_off_approval'] as const;
export type ItemDeadlineKind = (typeof ITEM_DEADLINE_KINDS)[number];

/** Every kind the board shows. */
export const DEADLINE_KINDS = [...CASE_DEADLINE_KINDS, ...ITEM_DEADLINE_KINDS] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export function approvalPolicy(policies: DeadlinePolicies, kind: ApprovalKind): ApprovalPolicy {
  return kind === 'disbursement_approval' ? policies.disbursementApproval : policies.writeOffApproval;
}
