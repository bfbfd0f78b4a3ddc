import type { DomainEvent } from '../shared/messages.js';
import type { DeadlineNotice, MediationPause } from '../deadlines/deadline-calculator.js';
import type { CaseDeadlineKind, PauseReason } from '../deadlines/deadline-policies.js';

export const disputeStreamName = (caseId: string): string => `dispute-${caseId}`;

export const DISPUTE_CATEGORIES = [
  'unpaid_wages',
  'contract_termination',
  'social_insurance',
  'work_injury',
  'overtime',
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];
/** What a claimant asks for is named like a case's category (wages owed, severance, ...). */
export type ClaimKind = DisputeCategory;

/** The departments of the town's multi-department linkage mechanism. */
export const REFERRAL_AGENCIES = [
  'womens_federation',
  'petitions_office',
  'judicial_office',
  'social_security',
  'labour_inspection',
  'other',
] as const;
export type ReferralAgency = (typeof REFERRAL_AGENCIES)[number];

export const CASE_OUTCOMES = ['agreement_fulfilled', 'referred_to_arbitration', 'withdrawn', 'closed'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const FOLLOW_UP_METHODS = ['phone', 'visit', 'meeting', 'online', 'other'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** A worker on the case. `workerId` is null until the person is registered as a worker. */
export interface ClaimantRef {
  readonly claimantId: string;
  readonly workerId: string | null;
  readonly name: string;
  /**
   * True when whoever named the worker showed they know them (the worker's resident ID number,
   * or they registered the worker themselves): only then does the case's mediator see the
   * worker's full numbers (case-parties.ts). Absent (every event before the rule) means not verified.
   * The number itself is never recorded here.
   */
  readonly idVerified?: true;
}

/** What LDMAL art. 12 requires the mediator to write down when an application is made orally. */
export interface OralApplicationRecord {
  readonly applicantName: string;
  readonly dispute: string;
  readonly reasons: string;
  readonly recordedAt: string;
}

/** `receivedAt` starts the 15-day mediation period of LDMAL art. 14. */
export type Application =
  | { readonly kind: 'written'; readonly receivedAt: string }
  | { readonly kind: 'oral'; readonly receivedAt: string; readonly oral: OralApplicationRecord };

export interface Respondent {
  /** null while the employer is not (yet) registered. */
  readonly employerId: string | null;
  readonly name: string;
}

export interface AgreedAmount {
  readonly claimantId: string;
  readonly amountFen: number;
}

export type DisputeCaseOpened = DomainEvent<
  'DisputeCaseOpened',
  {
    caseId: string;
    title: string;
    category: DisputeCategory;
    description: string;
    application: Application;
    respondent: Respondent;
    claimants: ClaimantRef[];
    mediatorId: string | null;
    openedBy: string;
    openedAt: string;
  }
>;
export type ClaimantsAdded = DomainEvent<'ClaimantsAdded', { caseId: string; claimants: ClaimantRef[] }>;
export type ClaimRecorded = DomainEvent<
  'ClaimRecorded',
  { caseId: string; claimantId: string; kind: ClaimKind; amountFen: number; note?: string }
>;
export type IntakeAccepted = DomainEvent<'IntakeAccepted', { caseId: string; acceptedBy: string; acceptedAt: string }>;
export type IntakeDeclined = DomainEvent<
  'IntakeDeclined',
  { caseId: string; reason: string; declinedBy: string; declinedAt: string }
>;
export type MediatorAssigned = DomainEvent<
  'MediatorAssigned',
  { caseId: string; mediatorId: string; previousMediatorId: string | null; assignedBy: string; assignedAt: string }
>;
export type CaseReferred = DomainEvent<
  'CaseReferred',
  { caseId: string; referralId: string; agency: ReferralAgency; agencyName?: string; note: string; referredAt: string }
>;
/** Repeats the agency so that the answer reads on its own in the trail and in reports. */
export type ReferralAnswered = DomainEvent<
  'ReferralAnswered',
  { caseId: string; referralId: string; agency: ReferralAgency; agencyName?: string; answer: string; answeredAt: string }
>;
/** `number` counts sessions from 1 so the record reads "second session" without the rest of the case. */
export type MediationSessionRecorded = DomainEvent<
  'MediationSessionRecorded',
  { caseId: string; sessionId: string; number: number; heldAt: string; place: string; attendees: string[]; summary: string }
>;
export type FollowUpRecorded = DomainEvent<
  'FollowUpRecorded',
  { caseId: string; followUpId: string; at: string; method?: FollowUpMethod; result: string }
>;
/** `totalFen` is what the wage-recovery figures add up; it was checked to be a safe integer. */
export type AgreementReached = DomainEvent<
  'AgreementReached',
  {
    caseId: string;
    agreementId: string;
    amounts: AgreedAmount[];
    totalFen: number;
    terms: string;
    paymentDates: string[];
    reachedAt: string;
  }
>;
/**
 * A changed agreement: it replaces the one in force (`amendsAgreementId`), which stays in the
 * case's history. It repeats the previous total so that the record reads on its own
 * ("922,500.00元 → 0.50元") in the trail and the reports.
 */
export type AgreementAmended = DomainEvent<
  'AgreementAmended',
  {
    caseId: string;
    agreementId: string;
    amendsAgreementId: string;
    previousTotalFen: number;
    reason: string;
    amounts: AgreedAmount[];
    totalFen: number;
    terms: string;
    paymentDates: string[];
    amendedAt: string;
  }
>;
export type CaseClosed = DomainEvent<
  'CaseClosed',
  { caseId: string; outcome: CaseOutcome; reason?: string; closedBy: string; closedAt: string }
>;
export type CaseReopened = DomainEvent<
  'CaseReopened',
  { caseId: string; reason: string; reopenedBy: string; reopenedAt: string }
>;

/** The mediation clock (LDMAL art. 14) stands still from `pausedOn`, for a reason the policy allows. */
export type MediationClockPaused = DomainEvent<
  'MediationClockPaused',
  { caseId: string; reason: PauseReason; note: string; pausedOn: string; pausedBy: string; pausedAt: string }
>;
/** Runs again; `dueOn` is the period's new last day, `pausedDays` the days this pause added. */
export type MediationClockResumed = DomainEvent<
  'MediationClockResumed',
  { caseId: string; resumedOn: string; pausedDays: number; dueOn: string; resumedBy: string; resumedAt: string }
>;
/** Recorded by the system when a deadline's warning day begins (once per due date). */
export type DeadlineWarned = DomainEvent<
  'DeadlineWarned',
  { caseId: string; kind: CaseDeadlineKind; dueOn: string; warnOn: string; daysLeft: number; responsibleId: string | null; policyRevision: number }
>;
/** Recorded by the system when a deadline's due day has ended unmet (once per due date). */
export type DeadlineMissed = DomainEvent<
  'DeadlineMissed',
  { caseId: string; kind: CaseDeadlineKind; dueOn: string; daysOver: number; responsibleId: string | null; policyRevision: number }
>;

export type DisputeCaseEvent =
  | DisputeCaseOpened
  | ClaimantsAdded
  | ClaimRecorded
  | IntakeAccepted
  | IntakeDeclined
  | MediatorAssigned
  | CaseReferred
  | ReferralAnswered
  | MediationSessionRecorded
  | FollowUpRecorded
  | AgreementReached
  | AgreementAmended
  | CaseClosed
  | CaseReopened
  | MediationClockPaused
  | MediationClockResumed
  | DeadlineWarned
  | DeadlineMissed;

export interface CaseClaim {
  readonly kind: ClaimKind;
  readonly amountFen: number;
  readonly note?: string;
}
export interface CaseClaimant extends ClaimantRef {
  readonly claims: readonly CaseClaim[];
}
export type Intake =
  | { readonly decision: 'pending' }
  | { readonly decision: 'accepted'; readonly by: string; readonly at: string }
  | { readonly decision: 'declined'; readonly by: string; readonly at: string; readonly reason: string };
export interface Referral {
  readonly referralId: string;
  readonly agency: ReferralAgency;
  readonly agencyName?: string;
  readonly note: string;
  readonly referredAt: string;
  readonly answer: { readonly text: string; readonly answeredAt: string } | null;
}
export interface MediationSession {
  readonly sessionId: string;
  readonly number: number;
  readonly heldAt: string;
  readonly place: string;
  readonly attendees: readonly string[];
  readonly summary: string;
}
export interface FollowUp {
  readonly followUpId: string;
  readonly at: string;
  readonly method?: FollowUpMethod;
  readonly result: string;
}
export interface Agreement {
  readonly agreementId: string;
  readonly amounts: readonly AgreedAmount[];
  readonly totalFen: number;
  readonly terms: string;
  readonly paymentDates: readonly string[];
  /** When this version was recorded: the agreement's, or its amendment's. */
  readonly reachedAt: string;
  /** Set on an amendment: the version it replaced, and why. */
  readonly amends?: { readonly agreementId: string; readonly reason: string };
}

/**
 * Everything a case page shows, and what an auditor sees when replaying up to a moment.
 * 'open' means intake is pending; a declined intake closes the case without an outcome.
 */
export interface DisputeCase {
  readonly caseId: string;
  readonly status: 'open' | 'accepted' | 'closed';
  readonly title: string;
  readonly category: DisputeCategory;
  readonly description: string;
  readonly application: Application;
  readonly receivedAt: string;
  readonly respondent: Respondent;
  readonly claimants: readonly CaseClaimant[];
  readonly mediatorId: string | null;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly intake: Intake;
  readonly referrals: readonly Referral[];
  readonly sessions: readonly MediationSession[];
  readonly followUps: readonly FollowUp[];
  /** The agreement in force: the last of `agreements`. */
  readonly agreement: Agreement | null;
  /** Every version, first the agreement reached, then each amendment: nothing agreed is forgotten. */
  readonly agreements: readonly Agreement[];
  readonly outcome: CaseOutcome | null;
  readonly closeReason: string | null;
  readonly closedAt: string | null;
  /** The mediation clock's pauses (absent in cases stored before the deadlines). */
  readonly mediationPauses?: readonly MediationPause[];
  /** Deadline warnings and misses recorded by the system. */
  readonly deadlineNotices?: readonly DeadlineNotice[];
}
/** null until the case is opened. */
export type DisputeCaseState = DisputeCase | null;

export const initialState = (): DisputeCaseState => null;

export function evolve(state: DisputeCaseState, event: DisputeCaseEvent): DisputeCaseState {
  if (event.type === 'DisputeCaseOpened') return opened(event.data);
  // Anything before the opening is ignored: a stream never holds such events, a replay "as of" never needs them.
  return state && fold(state, event);
}

function opened(data: DisputeCaseOpened['data']): DisputeCase {
  return {
    caseId: data.caseId,
    status: 'open',
    title: data.title,
    category: data.category,
    description: data.description,
    application: data.application,
    receivedAt: data.application.receivedAt,
    respondent: data.respondent,
    claimants: data.claimants.map((c) => ({ ...c, claims: [] })),
    mediatorId: data.mediatorId,
    openedBy: data.openedBy,
    openedAt: data.openedAt,
    intake: { decision: 'pending' },
    referrals: [],
    sessions: [],
    followUps: [],
    agreement: null,
    agreements: [],
    outcome: null,
    closeReason: null,
    closedAt: null,
  };
}

function fold(state: DisputeCase, event: Exclude<DisputeCaseEvent, DisputeCaseOpened>): DisputeCase {
  switch (event.type) {
    case 'ClaimantsAdded':
      return { ...state, claimants: [...state.claimants, ...event.data.claimants.map((c) => ({ ...c, claims: [] }))] };
    case 'ClaimRecorded': {
      const { claimantId, kind, amountFen, note } = event.data;
      const claim: CaseClaim = { kind, amountFen, ...(note !== undefined ? { note } : {}) };
      return {
        ...state,
        claimants: state.claimants.map((c) => (c.claimantId === claimantId ? { ...c, claims: [...c.claims, claim] } : c)),
      };
    }
    case 'IntakeAccepted':
      return {
        ...state,
        status: 'accepted',
        intake: { decision: 'accepted', by: event.data.acceptedBy, at: event.data.acceptedAt },
      };
    case 'IntakeDeclined': {
      const { reason, declinedBy, declinedAt } = event.data;
      return {
        ...state,
        status: 'closed',
        intake: { decision: 'declined', by: declinedBy, at: declinedAt, reason },
        closeReason: reason,
        closedAt: declinedAt,
      };
    }
    case 'MediatorAssigned':
      return { ...state, mediatorId: event.data.mediatorId };
    case 'CaseReferred': {
      const { caseId: _, ...referral } = event.data;
      return { ...state, referrals: [...state.referrals, { ...referral, answer: null }] };
    }
    case 'ReferralAnswered': {
      const { referralId, answer, answeredAt } = event.data;
      return {
        ...state,
        referrals: state.referrals.map((r) =>
          r.referralId === referralId ? { ...r, answer: { text: answer, answeredAt } } : r,
        ),
      };
    }
    case 'MediationSessionRecorded': {
      const { caseId: _, ...session } = event.data;
      return { ...state, sessions: [...state.sessions, session] };
    }
    case 'FollowUpRecorded': {
      const { caseId: _, ...followUp } = event.data;
      return { ...state, followUps: [...state.followUps, followUp] };
    }
    case 'AgreementReached': {
      const { caseId: _, ...agreement } = event.data;
      return { ...state, agreement, agreements: [...versions(state), agreement] };
    }
    case 'AgreementAmended': {
      const { agreementId, amendsAgreementId, reason, amounts, totalFen, terms, paymentDates, amendedAt } = event.data;
      const agreement: Agreement = {
        agreementId,
        amounts,
        totalFen,
        terms,
        paymentDates,
        reachedAt: amendedAt,
        amends: { agreementId: amendsAgreementId, reason },
      };
      return { ...state, agreement, agreements: [...versions(state), agreement] };
    }
    case 'CaseClosed': {
      const { outcome, reason, closedAt } = event.data;
      return { ...state, status: 'closed', outcome, closeReason: reason ?? null, closedAt };
    }
    case 'CaseReopened':
      // A reopened intake that had been declined is pending again: reopening means looking at it anew.
      return {
        ...state,
        status: state.intake.decision === 'accepted' ? 'accepted' : 'open',
        intake: state.intake.decision === 'declined' ? { decision: 'pending' } : state.intake,
        outcome: null,
        closeReason: null,
        closedAt: null,
      };
    case 'MediationClockPaused': {
      const { reason, pausedOn } = event.data;
      return { ...state, mediationPauses: [...(state.mediationPauses ?? []), { from: pausedOn, to: null, reason }] };
    }
    case 'MediationClockResumed':
      return { ...state, mediationPauses: (state.mediationPauses ?? []).map((p) => (p.to === null ? { ...p, to: event.data.resumedOn } : p)) };
    case 'DeadlineWarned':
    case 'DeadlineMissed': {
      const { kind, dueOn } = event.data;
      const level = event.type === 'DeadlineWarned' ? 'warned' : 'missed';
      return { ...state, deadlineNotices: [...(state.deadlineNotices ?? []), { kind, level, dueOn }] };
    }
    default:
      // An event type from a newer version is ignored, but the compiler flags one added here and not folded.
      void (event satisfies never);
      return state;
  }
}

/** Cases folded and stored before versions were kept hold only the agreement in force. */
function versions(state: DisputeCase): readonly Agreement[] {
  return state.agreements ?? (state.agreement ? [state.agreement] : []);
}

export function findClaimant(state: DisputeCase, claimantId: string): CaseClaimant | undefined {
  return state.claimants.find((c) => c.claimantId === claimantId);
}

export function findReferral(state: DisputeCase, referralId: string): Referral | undefined {
  return state.referrals.find((r) => r.referralId === referralId);
}

/** What the claimants ask for in total, in fen. */
export function claimedTotalFen(claimant: CaseClaimant): number {
  return claimant.claims.reduce((sum, claim) => sum + claim.amountFen, 0);
}
