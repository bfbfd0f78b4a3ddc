import type { Command } from '../../shared/command.js';
import { beijingDay } from '../../shared/dates.js';
import type { CommandContext, Decider } from '../../shared/messages.js';
import { sumFen } from '../../shared/money.js';
import { requireEnteredAmount } from '../aid-amounts.js';
import { FUND_KINDS, INCOME_SOURCES, PAYMENT_METHODS, type FundKind, type IncomeSource, type PaymentMethod } from '../aid-labels.js';
import { requireDayHappened, requireOneOf, text } from '../aid-checks.js';
import type { BeneficiaryFacts, BeneficiaryRef } from '../beneficiary-facts.js';
import { isLive, type Disbursement } from '../disbursements/disbursement.js';
import { requireEligible, requireWorkersHomeAmount } from '../disbursements/eligibility.js';
import { inSeason, type ProgrammeTerms } from '../programmes/aid-programme.events.js';
import { checkDisbursementApproval, type CheckDisbursementApproval } from '../../deadlines/disbursement-deadlines.js';
import { fundRules as broken } from './aid-fund.errors.js';
import { availableFen, evolve, initialState, type AidFund, type AidFundEvent, type AidFundState, type Donor } from './aid-fund.events.js';

export type OpenAidFund = Command<'OpenAidFund', { fundId: string; name: string; kind: FundKind }>;
export type RecordAidIncome = Command<
  'RecordAidIncome',
  { fundId: string; entryId: string; source: IncomeSource; amountFen: number; receivedOn: string; reference: string; donor?: Donor }
>;
export type CorrectAidIncome = Command<'CorrectAidIncome', { fundId: string; entryId: string; correctsEntryId: string; reason: string }>;
/**
 * The programme and the beneficiary's facts come with the command, read by the application as
 * the request is made (null when there is no such programme or beneficiary), so decide stays pure.
 */
export type RequestDisbursement = Command<
  'RequestDisbursement',
  {
    fundId: string;
    disbursementId: string;
    programmeId: string;
    programme: ProgrammeTerms | null;
    beneficiary: BeneficiaryRef;
    facts: BeneficiaryFacts | null;
    amountFen: number;
    reason: string;
    /**
     * The day it was asked for (Beijing), for a request entered after the fact; unset: today.
     * The programme's season, the year its caps count in and the facts `facts` were read on
     * are that day's.
     */
    requestedOn?: string;
  }
>;
/** `approvedOn`: the day it was approved (Beijing), for an approval entered after the fact; unset: today. */
export type ApproveDisbursement = Command<'ApproveDisbursement', { fundId: string; disbursementId: string; note?: string; approvedOn?: string }>;
export type RejectDisbursement = Command<'RejectDisbursement', { fundId: string; disbursementId: string; reason: string }>;
export type PayDisbursement = Command<
  'PayDisbursement',
  { fundId: string; disbursementId: string; method: PaymentMethod; reference: string; paidOn: string }
>;
export type CancelDisbursement = Command<'CancelDisbursement', { fundId: string; disbursementId: string; reason: string }>;

export type AidFundCommand =
  | OpenAidFund
  | RecordAidIncome
  | CorrectAidIncome
  | RequestDisbursement
  | ApproveDisbursement
  | RejectDisbursement
  | PayDisbursement
  | CancelDisbursement
  | CheckDisbursementApproval;

type Decided = AidFundEvent[];

const role = (ctx: CommandContext) => ctx.actor.role;

function openFund(state: AidFundState, fundId: string): AidFund {
  if (!state || state.fundId !== fundId) return broken.fundNotFound(fundId);
  return state;
}

function disbursementOf(fund: AidFund, disbursementId: string): Disbursement {
  return fund.disbursements.get(disbursementId) ?? broken.disbursementNotFound(disbursementId);
}

const INCOME_TOTAL = { zh: '资金账户的收入合计', en: "the fund's total income" };

export function openAidFund({ data, ctx }: OpenAidFund, state: AidFundState): Decided {
  if (role(ctx) !== 'administrator' && role(ctx) !== 'fund_officer') broken.notAllowed('open');
  if (state) broken.fundAlreadyOpened(data.fundId);
  const name = text(data.name) || broken.nameRequired();
  const kind = requireOneOf('kind', data.kind, FUND_KINDS);
  return [{ type: 'AidFundOpened', data: { fundId: data.fundId, name, kind, openedBy: ctx.actor.staffId, openedAt: ctx.now } }];
}

export function recordAidIncome({ data, ctx }: RecordAidIncome, state: AidFundState): Decided {
  if (role(ctx) !== 'fund_officer') broken.notAllowed('income');
  const fund = openFund(state, data.fundId);
  if (fund.income.has(data.entryId)) return [];
  const source = requireOneOf('source', data.source, INCOME_SOURCES);
  // The ceiling for an entered amount, and the fund's income must stay exact with it.
  const amountFen = requireEnteredAmount('amountFen', data.amountFen, { positive: true, addsTo: { name: 'incomeFen', label: INCOME_TOTAL, fen: fund.incomeFen } });
  const receivedOn = requireDayHappened('receivedOn', data.receivedOn, ctx.now);
  const reference = text(data.reference) || broken.referenceRequired();
  let donor: Donor | undefined;
  if (source === 'donation') {
    const name = text(data.donor?.name);
    const receiptNumber = text(data.donor?.receiptNumber);
    if (!name || !receiptNumber) broken.donorRequired();
    donor = { name, receiptNumber };
  }
  return [
    {
      type: 'AidIncomeRecorded',
      data: { fundId: fund.fundId, entryId: data.entryId, source, amountFen, receivedOn, reference, ...(donor ? { donor } : {}), recordedBy: ctx.actor.staffId, recordedAt: ctx.now },
    },
  ];
}

/** A correction takes the whole entry out again; money already committed or paid cannot be taken out. */
export function correctAidIncome({ data, ctx }: CorrectAidIncome, state: AidFundState): Decided {
  if (role(ctx) !== 'fund_officer') broken.notAllowed('income');
  const fund = openFund(state, data.fundId);
  const entry = fund.income.get(data.correctsEntryId) ?? broken.incomeNotFound(data.correctsEntryId);
  if (entry.correctedByEntryId === data.entryId) return [];
  if (entry.correctedByEntryId) broken.incomeAlreadyCorrected(entry.entryId, entry.correctedByEntryId);
  const reason = text(data.reason) || broken.reasonRequired();
  if (availableFen(fund) < entry.amountFen) broken.wouldBeOverdrawn('correct', entry.amountFen, availableFen(fund));
  return [
    {
      type: 'AidIncomeCorrected',
      data: {
        fundId: fund.fundId,
        entryId: data.entryId,
        correctsEntryId: entry.entryId,
        source: entry.source,
        amountFen: entry.amountFen,
        receivedOn: entry.receivedOn,
        reason,
        correctedBy: ctx.actor.staffId,
        correctedAt: ctx.now,
      },
    },
  ];
}

const sameBeneficiary = (a: BeneficiaryRef, b: BeneficiaryRef) => a.kind === b.kind && a.id === b.id;

export function requestDisbursement({ data, ctx }: RequestDisbursement, state: AidFundState): Decided {
  if (role(ctx) !== 'fund_officer') broken.notAllowed('request');
  const fund = openFund(state, data.fundId);
  if (fund.disbursements.has(data.disbursementId)) return [];
  const requestedOn = data.requestedOn === undefined ? beijingDay(ctx.now) : requireDayHappened('requestedOn', data.requestedOn, ctx.now);
  const programme = data.programme && data.programme.programmeId === data.programmeId ? data.programme : broken.programmeNotFound(data.programmeId);
  if (programme.fundId !== fund.fundId) broken.programmeOfOtherFund(programme.programmeId, fund.fundId);
  if (!programme.active) broken.programmeClosed(programme.programmeId);
  if (programme.season && !inSeason(programme.season, requestedOn)) broken.outOfSeason(programme.kind, requestedOn, programme.season);
  const facts = data.facts && sameBeneficiary(data.facts.ref, data.beneficiary) ? data.facts : broken.beneficiaryNotFound(data.beneficiary);
  const amountFen = requireEnteredAmount('amountFen', data.amountFen, { positive: true });
  const reason = text(data.reason) || broken.reasonRequired();
  const year = Number(requestedOn.slice(0, 4));
  requireEligible(programme.kind, facts, year);
  const earlier = fund.disbursements.values().filter(
    (d) => isLive(d) && d.programmeId === programme.programmeId && d.year === year && sameBeneficiary(d.beneficiary, facts.ref),
  );
  if (programme.kind === 'workers_home_subsidy') {
    requireWorkersHomeAmount(amountFen);
    if (earlier.length > 0) broken.workersHomeAlreadyGranted(year, earlier[0]!.disbursementId);
  }
  const grantedFen = sumFen(earlier.map((d) => d.amountFen));
  if (grantedFen + amountFen > programme.perBeneficiaryCapFen) broken.capExceeded(programme.perBeneficiaryCapFen, grantedFen, amountFen, year);
  return [
    {
      type: 'DisbursementRequested',
      data: {
        fundId: fund.fundId,
        disbursementId: data.disbursementId,
        programmeId: programme.programmeId,
        programmeKind: programme.kind,
        programmeName: programme.name,
        beneficiary: { kind: facts.ref.kind, id: facts.ref.id },
        beneficiaryName: facts.displayName,
        amountFen,
        reason,
        year,
        requestedBy: ctx.actor.staffId,
        requestedAt: ctx.now,
        requestedOn,
      },
    },
  ];
}

/** Separation of duties: the requester never decides their own request, whatever roles they hold. */
function decidedBySecondPerson(d: Disbursement, ctx: CommandContext): void {
  if (ctx.actor.staffId === d.requestedBy) broken.approverIsRequester(d.disbursementId);
  if (role(ctx) !== 'supervisor') broken.supervisorOnly();
}

export function approveDisbursement({ data, ctx }: ApproveDisbursement, state: AidFundState): Decided {
  const fund = openFund(state, data.fundId);
  const d = disbursementOf(fund, data.disbursementId);
  decidedBySecondPerson(d, ctx);
  // Approved once: approving again is refused, not answered as if it were done now (its note and day
  // would be dropped). An exact retry of the first request (Idempotency-Key) is answered by the loop from its events.
  if (d.status !== 'requested') return broken.wrongStatus(d.disbursementId, d.status, 'approve');
  const approvedOn =
    data.approvedOn === undefined ? beijingDay(ctx.now) : requireDayHappened('approvedOn', data.approvedOn, ctx.now, { day: d.requestedOn, reason: 'before_request' });
  const available = availableFen(fund);
  if (d.amountFen > available) broken.wouldBeOverdrawn('approve', d.amountFen, available);
  const note = text(data.note);
  return [
    {
      type: 'DisbursementApproved',
      data: { fundId: fund.fundId, disbursementId: d.disbursementId, amountFen: d.amountFen, ...(note ? { note } : {}), approvedBy: ctx.actor.staffId, approvedAt: ctx.now, approvedOn },
    },
  ];
}

export function rejectDisbursement({ data, ctx }: RejectDisbursement, state: AidFundState): Decided {
  const fund = openFund(state, data.fundId);
  const d = disbursementOf(fund, data.disbursementId);
  decidedBySecondPerson(d, ctx);
  // Rejected once: another rejection is refused, not answered as if done (its reason would be
  // dropped). An exact retry (Idempotency-Key) is answered by the loop from its events.
  if (d.status !== 'requested') return broken.wrongStatus(d.disbursementId, d.status, 'reject');
  const reason = text(data.reason) || broken.reasonRequired();
  return [
    {
      type: 'DisbursementRejected',
      data: { fundId: fund.fundId, disbursementId: d.disbursementId, amountFen: d.amountFen, reason, rejectedBy: ctx.actor.staffId, rejectedAt: ctx.now },
    },
  ];
}

export function payDisbursement({ data, ctx }: PayDisbursement, state: AidFundState): Decided {
  if (role(ctx) !== 'fund_officer') broken.notAllowed('pay');
  const fund = openFund(state, data.fundId);
  const d = disbursementOf(fund, data.disbursementId);
  // Paid once: another payment is refused, not answered as if done (its method, reference and day
  // would be dropped). An exact retry of the first request (Idempotency-Key) is answered by the loop from its events.
  if (d.status !== 'approved') return broken.wrongStatus(d.disbursementId, d.status, 'pay');
  const method = requireOneOf('method', data.method, PAYMENT_METHODS);
  const reference = text(data.reference) || broken.referenceRequired();
  const paidOn = requireDayHappened('paidOn', data.paidOn, ctx.now, { day: d.approval.approvedOn, reason: 'before_approval' });
  return [
    {
      type: 'DisbursementPaid',
      data: { fundId: fund.fundId, disbursementId: d.disbursementId, amountFen: d.amountFen, method, reference, paidOn, paidBy: ctx.actor.staffId, recordedAt: ctx.now },
    },
  ];
}

export function cancelDisbursement({ data, ctx }: CancelDisbursement, state: AidFundState): Decided {
  if (role(ctx) !== 'fund_officer' && role(ctx) !== 'supervisor') broken.notAllowed('cancel');
  const fund = openFund(state, data.fundId);
  const d = disbursementOf(fund, data.disbursementId);
  // Cancelled once: as a rejection, a second cancellation is refused (its reason would be dropped).
  if (d.status !== 'requested' && d.status !== 'approved') return broken.wrongStatus(d.disbursementId, d.status, 'cancel');
  const reason = text(data.reason) || broken.reasonRequired();
  return [
    {
      type: 'DisbursementCancelled',
      data: {
        fundId: fund.fundId,
        disbursementId: d.disbursementId,
        amountFen: d.amountFen,
        wasApproved: d.status === 'approved',
        reason,
        cancelledBy: ctx.actor.staffId,
        cancelledAt: ctx.now,
      },
    },
  ];
}

export function decide(command: AidFundCommand, state: AidFundState): Decided {
  switch (command.type) {
    case 'OpenAidFund':
      return openAidFund(command, state);
    case 'RecordAidIncome':
      return recordAidIncome(command, state);
    case 'CorrectAidIncome':
      return correctAidIncome(command, state);
    case 'RequestDisbursement':
      return requestDisbursement(command, state);
    case 'ApproveDisbursement':
      return approveDisbursement(command, state);
    case 'RejectDisbursement':
      return rejectDisbursement(command, state);
    case 'PayDisbursement':
      return payDisbursement(command, state);
    case 'CancelDisbursement':
      return cancelDisbursement(command, state);
    case 'CheckDisbursementApproval':
      return checkDisbursementApproval(command, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export const aidFundDecider: Decider<AidFundState, AidFundCommand, AidFundEvent> = { initialState, evolve, decide };
