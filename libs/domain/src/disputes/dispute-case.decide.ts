import type { Command } from '../shared/command.js';
import type { CommandContext, Decider } from '../shared/messages.js';
import { requireAmount, sumFen } from '../shared/money.js';
import { requireHappened, requireOralRecordedAt, requireOneOf, requirePaymentDates, requireText, text } from './dispute-case.checks.js';
import { disputeCaseRules as broken } from './dispute-case.errors.js';
import {
  CASE_OUTCOMES,
  DISPUTE_CATEGORIES,
  FOLLOW_UP_METHODS,
  REFERRAL_AGENCIES,
  evolve,
  findClaimant,
  findReferral,
  initialState,
  type AgreedAmount,
  type Application,
  type CaseOutcome,
  type ClaimKind,
  type ClaimantRef,
  type DisputeCase,
  type DisputeCaseEvent,
  type DisputeCaseState,
  type DisputeCategory,
  type FollowUpMethod,
  type OralApplicationRecord,
  type ReferralAgency,
} from './dispute-case.events.js';
import { checkDeadline, pauseMediationClock, resumeMediationClock, type CaseDeadlineCommand } from '../deadlines/case-deadlines.js';
import { checkCaseParties, markVerifiedLinks, type RegisteredParties } from './case-parties.js';


/**
 * A claimant as a form sends one: without a registered worker, `workerId` may be left out;
 * `idNumber`, the worker's resident ID number, proves the sender knows the worker (case-parties.ts).
 */
export type ClaimantInput = { claimantId: string; workerId?: string | null; name: string; idNumber?: string | null };
/** The respondent as a form sends it: `employerId` only once the employer is registered. */
export type RespondentInput = { name: string; employerId?: string | null };

/** As the intake form sends it: the oral record is required only when `kind` is 'oral'. */
export interface ApplicationInput {
  kind: 'written' | 'oral';
  receivedAt: string;
  oral?: OralApplicationRecord;
}

export type OpenDisputeCase = Command<
  'OpenDisputeCase',
  {
    caseId: string;
    title: string;
    category: DisputeCategory;
    description: string;
    application: ApplicationInput;
    respondent: RespondentInput;
    /** At least one: a case is brought by workers; a group case's others may be added over the following days. */
    claimants: ClaimantInput[];
    /** Ignored in favour of the opener when a mediator opens the case. */
    mediatorId?: string | null;
    /** The named workers and employer as registered (read by the command path); see case-parties.ts. */
    registered?: RegisteredParties;
  }
>;
export type AddClaimants = Command<'AddClaimants', { caseId: string; claimants: ClaimantInput[]; registered?: RegisteredParties }>;
export type ClaimInput = { claimantId: string; kind: ClaimKind; amountFen: number; note?: string };
export type RecordClaim = Command<'RecordClaim', { caseId: string } & ClaimInput>;
/** Claims of many claimants in one go (a group case's list): all are recorded, or none. */
export type RecordClaims = Command<'RecordClaims', { caseId: string; claims: ClaimInput[] }>;
export type AcceptIntake = Command<'AcceptIntake', { caseId: string }>;
export type DeclineIntake = Command<'DeclineIntake', { caseId: string; reason: string }>;
export type AssignMediator = Command<'AssignMediator', { caseId: string; mediatorId: string }>;
export type ReferToAgency = Command<
  'ReferToAgency',
  {
    caseId: string;
    referralId: string;
    agency: ReferralAgency;
    agencyName?: string;
    note?: string;
    /** When the case was referred, for a referral entered after the fact; now when absent. */
    referredAt?: string;
  }
>;
export type RecordReferralAnswer = Command<
  'RecordReferralAnswer',
  { caseId: string; referralId: string; answer: string; answeredAt: string }
>;
export type RecordMediationSession = Command<
  'RecordMediationSession',
  { caseId: string; sessionId: string; heldAt: string; place?: string; attendees?: string[]; summary: string }
>;
export type RecordFollowUp = Command<
  'RecordFollowUp',
  { caseId: string; followUpId: string; at: string; method?: FollowUpMethod; result: string }
>;
export type ReachAgreement = Command<
  'ReachAgreement',
  { caseId: string; agreementId: string; amounts: AgreedAmount[]; terms: string; paymentDates: string[] }
>;
/**
 * What the case's recovery ledger (its own stream, `recovery-<caseId>`) already holds for each
 * worker, read by the application and handed in with an amendment so that decide() stays pure:
 * `receivedFen` is what was received for the worker (paid out to them, held for them, or
 * allocated to them and not yet paid), `writtenOffFen` what was written off. Null when the
 * ledger has not started (no money yet): then any amounts may be agreed.
 */
export interface AgreementRecoveryFacts {
  workers: { claimantId: string; receivedFen: number; writtenOffFen: number }[];
}

/** Changing the agreement in force, with the reason: the new version replaces it, the old one stays in the history. */
export type AmendAgreement = Command<
  'AmendAgreement',
  { caseId: string; agreementId: string; amounts: AgreedAmount[]; terms: string; paymentDates: string[]; reason: string; recovery: AgreementRecoveryFacts | null }
>;
/**
 * `recoveryComplete`: whether the case's recovery ledger (its own stream) records that every
 * worker was paid or written off under the agreement in force; the application reads it.
 */
export type RecordOutcome = Command<'RecordOutcome', { caseId: string; outcome: CaseOutcome; reason?: string; recoveryComplete: boolean }>;
export type ReopenCase = Command<'ReopenCase', { caseId: string; reason: string }>;

export type DisputeCaseCommand =
  | OpenDisputeCase
  | AddClaimants
  | RecordClaim
  | RecordClaims
  | AcceptIntake
  | DeclineIntake
  | AssignMediator
  | ReferToAgency
  | RecordReferralAnswer
  | RecordMediationSession
  | RecordFollowUp
  | ReachAgreement
  | AmendAgreement
  | RecordOutcome
  | ReopenCase
  | CaseDeadlineCommand;

type Decided = DisputeCaseEvent[];

export function openDisputeCase({ data, ctx }: OpenDisputeCase, state: DisputeCaseState): Decided {
  if (state) broken.caseAlreadyOpened(data.caseId);
  const mediatorId = openingMediator(ctx, data.mediatorId);
  const title = text(data.title) || broken.titleRequired();
  const category = requireOneOf('category', data.category, DISPUTE_CATEGORIES);
  const application = checkApplication(data.application ?? {}, ctx.now);
  const respondentName = text(data.respondent?.name) || broken.nameRequired('respondent');
  const respondent = { employerId: data.respondent.employerId || null, name: respondentName };
  const named = newClaimants([], data.claimants ?? []);
  if (named.length === 0) broken.claimantsRequired();
  const claimants = markVerifiedLinks(named, checkCaseParties(data.claimants, data.respondent, data.registered, ctx.actor.staffId));
  return [
    {
      type: 'DisputeCaseOpened',
      data: {
        caseId: data.caseId,
        title,
        category,
        description: typeof data.description === 'string' ? data.description : '',
        application,
        respondent,
        claimants,
        mediatorId,
        openedBy: ctx.actor.staffId,
        openedAt: ctx.now,
      },
    },
  ];
}

export function addClaimants({ data, ctx }: AddClaimants, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  // The agreement names an amount for each claimant; a newcomer would have none.
  if (dispute.agreement) broken.claimantsLockedByAgreement(dispute.caseId);
  const claimants = markVerifiedLinks(newClaimants(dispute.claimants, data.claimants), checkCaseParties(data.claimants, undefined, data.registered, ctx.actor.staffId));
  if (claimants.length === 0) return [];
  return [{ type: 'ClaimantsAdded', data: { caseId: dispute.caseId, claimants } }];
}

/** Claims add up: a claimant asking for wages and for overtime has two claims. */
export function recordClaim({ data, ctx }: RecordClaim, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  return [claimRecorded(dispute, data)];
}

export function recordClaims({ data, ctx }: RecordClaims, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  const unknown = data.claims.filter((c) => !findClaimant(dispute, c.claimantId)).map((c) => c.claimantId);
  if (unknown.length > 0) broken.claimantNotFound([...new Set(unknown)]);
  return data.claims.map((claim) => claimRecorded(dispute, claim));
}

function claimRecorded(dispute: DisputeCase, claim: ClaimInput): DisputeCaseEvent {
  const claimant = findClaimant(dispute, claim.claimantId) ?? broken.claimantNotFound([claim.claimantId]);
  const kind = requireOneOf('kind', claim.kind, DISPUTE_CATEGORIES);
  // What a worker claims is entered like any amount: at most the kernel's ceiling.
  const amountFen = requireAmount(claim.amountFen, 'amountFen');
  const note = text(claim.note);
  return {
    type: 'ClaimRecorded',
    data: { caseId: dispute.caseId, claimantId: claimant.claimantId, kind, amountFen, ...(note ? { note } : {}) },
  };
}

export function acceptIntake({ data, ctx }: AcceptIntake, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.intake.decision === 'accepted') return [];
  return [{ type: 'IntakeAccepted', data: { caseId: dispute.caseId, acceptedBy: ctx.actor.staffId, acceptedAt: ctx.now } }];
}

export function declineIntake({ data, ctx }: DeclineIntake, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.intake.decision === 'accepted') broken.intakeAlreadyAccepted(dispute.caseId);
  // Only a case taken in reaches an agreement; this guards history recorded before that rule
  // (or a declined case reopened with its agreement): declining it would close a case whose
  // recovery ledger may still be collecting money.
  if (dispute.agreement) broken.declineAfterAgreement(dispute.caseId, dispute.agreement.agreementId);
  const reason = text(data.reason) || broken.reasonRequired();
  return [
    {
      type: 'IntakeDeclined',
      data: { caseId: dispute.caseId, reason, declinedBy: ctx.actor.staffId, declinedAt: ctx.now },
    },
  ];
}

/** Whether the staff id belongs to a mediator is the application's to check, against the staff roster. */
export function assignMediator({ data, ctx }: AssignMediator, state: DisputeCaseState): Decided {
  const dispute = ongoingCase(state, data.caseId);
  if (ctx.actor.role !== 'supervisor') broken.supervisorOnly('assign');
  if (dispute.mediatorId === data.mediatorId) return [];
  return [
    {
      type: 'MediatorAssigned',
      data: {
        caseId: dispute.caseId,
        mediatorId: data.mediatorId,
        previousMediatorId: dispute.mediatorId,
        assignedBy: ctx.actor.staffId,
        assignedAt: ctx.now,
      },
    },
  ];
}

// Ids come with the command, so the same id again is the same form sent twice: nothing more is recorded.

export function referToAgency({ data, ctx }: ReferToAgency, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (findReferral(dispute, data.referralId)) return [];
  const agency = requireOneOf('agency', data.agency, REFERRAL_AGENCIES);
  const agencyName = text(data.agencyName);
  const referredAt =
    data.referredAt === undefined
      ? ctx.now
      : requireHappened('referredAt', data.referredAt, ctx.now, { value: dispute.receivedAt, reason: 'before_application' });
  return [
    {
      type: 'CaseReferred',
      data: {
        caseId: dispute.caseId,
        referralId: data.referralId,
        agency,
        ...(agencyName ? { agencyName } : {}),
        note: data.note ?? '',
        referredAt,
      },
    },
  ];
}

export function recordReferralAnswer({ data, ctx }: RecordReferralAnswer, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  const referral = findReferral(dispute, data.referralId) ?? broken.referralNotFound(data.referralId);
  if (referral.answer) broken.referralAlreadyAnswered(referral.referralId);
  const answer = requireText('answer', data.answer);
  const answeredAt = requireHappened('answeredAt', data.answeredAt, ctx.now, { value: referral.referredAt, reason: 'before_referral' });
  const { referralId, agency, agencyName } = referral;
  return [
    {
      type: 'ReferralAnswered',
      data: {
        caseId: dispute.caseId,
        referralId,
        agency,
        ...(agencyName ? { agencyName } : {}),
        answer,
        answeredAt,
      },
    },
  ];
}

export function recordMediationSession({ data, ctx }: RecordMediationSession, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.sessions.some((s) => s.sessionId === data.sessionId)) return [];
  const heldAt = requireHappened('heldAt', data.heldAt, ctx.now, { value: dispute.receivedAt, reason: 'before_application' });
  const summary = requireText('summary', data.summary);
  return [
    {
      type: 'MediationSessionRecorded',
      data: {
        caseId: dispute.caseId,
        sessionId: data.sessionId,
        number: dispute.sessions.length + 1,
        heldAt,
        place: text(data.place),
        attendees: (data.attendees ?? []).map(text).filter(Boolean),
        summary,
      },
    },
  ];
}

export function recordFollowUp({ data, ctx }: RecordFollowUp, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.followUps.some((f) => f.followUpId === data.followUpId)) return [];
  const at = requireHappened('at', data.at, ctx.now, { value: dispute.receivedAt, reason: 'before_application' });
  const method = data.method === undefined ? undefined : requireOneOf('method', data.method, FOLLOW_UP_METHODS);
  const result = requireText('result', data.result);
  return [
    {
      type: 'FollowUpRecorded',
      data: {
        caseId: dispute.caseId,
        followUpId: data.followUpId,
        at,
        ...(method ? { method } : {}),
        result,
      },
    },
  ];
}

/** Every claimant on the case gets exactly one amount (0 is an amount), so the recovery can pay each. */
export function reachAgreement({ data, ctx }: ReachAgreement, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.agreements.some((a) => a.agreementId === data.agreementId)) return [];
  // A second agreement would silently replace the first: a change is an amendment, with its reason.
  if (dispute.agreement) {
    broken.agreementAlreadyReached(dispute.caseId, dispute.agreement.agreementId, dispute.agreement.totalFen);
  }
  // Mediation (and so an agreement, and the money recovered under it) follows intake: a case not
  // yet accepted may still be declined, which must not close a case with money on its ledger.
  if (dispute.intake.decision !== 'accepted') broken.intakeNotAccepted(dispute.caseId);
  const terms = checkAgreement(dispute, data, ctx);
  return [{ type: 'AgreementReached', data: { caseId: dispute.caseId, agreementId: data.agreementId, ...terms, reachedAt: ctx.now } }];
}

/** The same checks as the agreement itself, and a reason; the amended version stays in `agreements`. */
export function amendAgreement({ data, ctx }: AmendAgreement, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  if (dispute.agreements.some((a) => a.agreementId === data.agreementId)) return [];
  const amended = dispute.agreement ?? broken.nothingToAmend(dispute.caseId);
  const reason = text(data.reason) || broken.reasonRequired();
  const terms = checkAgreement(dispute, data, ctx);
  checkNotBelowRecovered(dispute, terms.amounts, data.recovery);
  return [
    {
      type: 'AgreementAmended',
      data: {
        caseId: dispute.caseId,
        agreementId: data.agreementId,
        amendsAgreementId: amended.agreementId,
        previousTotalFen: amended.totalFen,
        reason,
        ...terms,
        amendedAt: ctx.now,
      },
    },
  ];
}

/**
 * An amendment may not owe a worker less than the recovery ledger already holds for them
 * (received, whether paid out, held or allocated, plus written off): the ledger re-bases on the
 * amendment and would refuse every later money command on the case (AGREEMENT_BELOW_RECOVERED)
 * until the agreement were amended again. The same comparison the ledger's re-basing makes
 * (owed - outstanding), so what passes here re-bases there.
 *
 * A race: the recovery facts are read from the recovery stream before the amendment is
 * appended to the case stream, and the two streams are not locked together. A receipt or
 * write-off recorded in between (decided under the agreement it read, still the old one) can
 * raise what a worker has received above the amended amount. That window is not closed here;
 * the ledger's own re-basing check stays as the backstop: the next money command re-bases, is
 * refused with AGREEMENT_BELOW_RECOVERED naming the worker, and the agreement is amended again.
 * Nothing is lost or mis-recorded meanwhile, only refused.
 */
function checkNotBelowRecovered(dispute: DisputeCase, amounts: readonly AgreedAmount[], recovery: AgreementRecoveryFacts | null | undefined): void {
  if (!recovery) return;
  const held = new Map((recovery.workers ?? []).map((w) => [w.claimantId, w]));
  amounts.forEach((a, index) => {
    const w = held.get(a.claimantId);
    if (!w) return;
    const coveredFen = sumFen([w.receivedFen, w.writtenOffFen]);
    if (a.amountFen < coveredFen) {
      const name = findClaimant(dispute, a.claimantId)?.name ?? a.claimantId;
      broken.amendmentBelowRecovered({ index, claimantId: a.claimantId, name, amountFen: a.amountFen, receivedFen: w.receivedFen, writtenOffFen: w.writtenOffFen });
    }
  });
}

/** What an agreement and each of its amendments state, once checked. */
interface AgreementTerms {
  amounts: AgreedAmount[];
  totalFen: number;
  terms: string;
  paymentDates: string[];
}

function checkAgreement(
  dispute: DisputeCase,
  data: { amounts: AgreedAmount[]; terms: string; paymentDates: string[] },
  ctx: CommandContext,
): AgreementTerms {
  if (dispute.claimants.length === 0) broken.agreementWithoutClaimants();
  if (!Array.isArray(data.amounts)) broken.agreementAmountMissing(dispute.claimants.map(({ claimantId, name }) => ({ claimantId, name })));
  const amounts = data.amounts.map((a, i) => ({ claimantId: a.claimantId, amountFen: requireAmount(a.amountFen, `amounts[${i}].amountFen`) }));
  const onCase = new Set(dispute.claimants.map((c) => c.claimantId));
  const unknown = amounts.filter((a) => !onCase.has(a.claimantId)).map((a) => a.claimantId);
  if (unknown.length > 0) broken.claimantNotFound(unknown);
  const stated = new Set<string>();
  const twice = new Set<string>();
  for (const { claimantId } of amounts) (stated.has(claimantId) ? twice : stated).add(claimantId);
  if (twice.size > 0) broken.agreementAmountDuplicated([...twice]);
  const missing = dispute.claimants.filter((c) => !stated.has(c.claimantId));
  if (missing.length > 0) broken.agreementAmountMissing(missing.map(({ claimantId, name }) => ({ claimantId, name })));
  const terms = text(data.terms) ? data.terms : broken.agreementTermsRequired();
  const paymentDates = requirePaymentDates(data.paymentDates, ctx.now, dispute.receivedAt);
  const totalFen = sumFen(amounts.map((a) => a.amountFen));
  return { amounts, totalFen, terms, paymentDates };
}

export function recordOutcome({ data, ctx }: RecordOutcome, state: DisputeCaseState): Decided {
  const dispute = caseToChange(state, data.caseId, ctx);
  const outcome = requireOneOf('outcome', data.outcome, CASE_OUTCOMES);
  if (outcome === 'agreement_fulfilled') {
    if (!dispute.agreement) broken.agreementNotReached(dispute.caseId);
    // Fulfilled means paid: the recovery ledger, not the calendar, says when every worker has their money.
    if (data.recoveryComplete !== true) broken.recoveryNotComplete(dispute.caseId);
  }
  const reason = text(data.reason);
  // Ending a case any other way than by a fulfilled agreement is what a supervisor asks about.
  if (!reason && outcome !== 'agreement_fulfilled') broken.outcomeReasonRequired(outcome);
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: dispute.caseId,
        outcome,
        ...(reason ? { reason } : {}),
        closedBy: ctx.actor.staffId,
        closedAt: ctx.now,
      },
    },
  ];
}

export function reopenCase({ data, ctx }: ReopenCase, state: DisputeCaseState): Decided {
  const dispute = requireCase(state, data.caseId);
  if (ctx.actor.role !== 'supervisor') broken.supervisorOnly('reopen');
  if (dispute.status !== 'closed') broken.caseNotClosed(dispute.caseId);
  const reason = text(data.reason) || broken.reasonRequired();
  return [
    { type: 'CaseReopened', data: { caseId: dispute.caseId, reason, reopenedBy: ctx.actor.staffId, reopenedAt: ctx.now } },
  ];
}

export function decide(command: DisputeCaseCommand, state: DisputeCaseState): Decided {
  switch (command.type) {
    case 'OpenDisputeCase':
      return openDisputeCase(command, state);
    case 'AddClaimants':
      return addClaimants(command, state);
    case 'RecordClaim':
      return recordClaim(command, state);
    case 'RecordClaims':
      return recordClaims(command, state);
    case 'AcceptIntake':
      return acceptIntake(command, state);
    case 'DeclineIntake':
      return declineIntake(command, state);
    case 'AssignMediator':
      return assignMediator(command, state);
    case 'ReferToAgency':
      return referToAgency(command, state);
    case 'RecordReferralAnswer':
      return recordReferralAnswer(command, state);
    case 'RecordMediationSession':
      return recordMediationSession(command, state);
    case 'RecordFollowUp':
      return recordFollowUp(command, state);
    case 'ReachAgreement':
      return reachAgreement(command, state);
    case 'AmendAgreement':
      return amendAgreement(command, state);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    case 'ReopenCase':
      return reopenCase(command, state);
    case 'PauseMediationClock':
      return pauseMediationClock(command, (caseId, ctx) => caseToChange(state, caseId, ctx));
    case 'ResumeMediationClock':
      return resumeMediationClock(command, (caseId, ctx) => caseToChange(state, caseId, ctx));
    case 'CheckDeadline':
      return checkDeadline(command, requireCase(state, command.data.caseId));
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown dispute case command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const disputeCaseDecider: Decider<DisputeCaseState, DisputeCaseCommand, DisputeCaseEvent> = {
  initialState,
  evolve,
  decide,
};

function requireCase(state: DisputeCaseState, caseId: string): DisputeCase {
  return state && state.caseId === caseId ? state : broken.caseNotFound(caseId);
}

function ongoingCase(state: DisputeCaseState, caseId: string): DisputeCase {
  const dispute = requireCase(state, caseId);
  return dispute.status === 'closed' ? broken.caseClosed(caseId) : dispute;
}

/** The case is open and the actor is its mediator or a supervisor (administrators are not caseworkers). */
function caseToChange(state: DisputeCaseState, caseId: string, { actor }: CommandContext): DisputeCase {
  const dispute = ongoingCase(state, caseId);
  const own = actor.role === 'mediator' && actor.staffId === dispute.mediatorId;
  return own || actor.role === 'supervisor' ? dispute : broken.notAssignedMediator(caseId, dispute.mediatorId);
}

/** A mediator who takes a dispute in handles it; only a supervisor hands a new case to someone else. */
function openingMediator({ actor }: CommandContext, requested: string | null | undefined): string | null {
  if (actor.role === 'supervisor') return requested || null;
  if (actor.role !== 'mediator') return broken.notCaseworker();
  if (requested && requested !== actor.staffId) broken.supervisorOnly('assign');
  return actor.staffId;
}

function checkApplication(input: Partial<ApplicationInput>, now: string): Application {
  const kind = requireOneOf('application.kind', input.kind, ['written', 'oral'] as const);
  const receivedAt = requireHappened('receivedAt', input.receivedAt, now);
  if (kind === 'written') return { kind, receivedAt };
  const oral: Partial<OralApplicationRecord> = input.oral ?? {};
  const missing = (['applicantName', 'dispute', 'reasons', 'recordedAt'] as const).filter((field) => !text(oral[field]));
  if (missing.length > 0) broken.oralApplicationDetailsRequired(missing);
  return {
    kind,
    receivedAt,
    oral: {
      applicantName: text(oral.applicantName),
      dispute: oral.dispute!,
      reasons: oral.reasons!,
      recordedAt: requireOralRecordedAt(oral.recordedAt, now, receivedAt),
    },
  };
}

/** Refuses a claimant already on the case, by claimant id or by worker id, or listed twice in the batch. */
function newClaimants(onCase: readonly ClaimantRef[], incoming: readonly ClaimantInput[]): ClaimantRef[] {
  const claimantIds = new Set(onCase.map((c) => c.claimantId));
  const workerIds = new Set(onCase.flatMap((c) => (c.workerId ? [c.workerId] : [])));
  const accepted: ClaimantRef[] = [];
  const again: ClaimantRef[] = [];
  for (const c of incoming) {
    const name = text(c.name) || broken.nameRequired('claimant');
    const workerId = c.workerId || null;
    const claimant = { claimantId: c.claimantId, workerId, name };
    if (claimantIds.has(c.claimantId) || (workerId !== null && workerIds.has(workerId))) {
      again.push(claimant);
      continue;
    }
    claimantIds.add(c.claimantId);
    if (workerId) workerIds.add(workerId);
    accepted.push(claimant);
  }
  if (again.length > 0) broken.claimantAlreadyAdded(again.map((c) => c.name), again.map((c) => c.claimantId));
  return accepted;
}
