import type { IsoDay } from '../../shared/dates.js';
import type { Command } from '../../shared/command.js';
import type { Decider, DomainEvent } from '../../shared/messages.js';
import type { BeneficiaryFacts } from '../beneficiary-facts.js';
import { VISITEE_KINDS, type VisiteeKind } from './beneficiary-labels.js';
import { requireEnteredAmount } from '../aid-amounts.js';
import type { DisbursementStatus } from '../disbursements/disbursement.js';
import { requireDay, requireOneOf, requireReason, requireRecorder, text } from './beneficiary.checks.js';
import { beneficiaryRules as broken } from './beneficiary.errors.js';

/**
 * A care visit (走访慰问): who went to which household in hardship or which model worker, on
 * which day, under which programme, and what was given. One stream per visit: each is one
 * person-visit (人次) of its visitee. Money handed over is a disbursement of the fund (the fund's
 * to record); the visit only refers to it.
 */
export const careVisitStreamName = (visitId: string): string => `aid-care-visit-${visitId}`;

export interface VisiteeRef {
  kind: VisiteeKind;
  id: string;
}

/** A disbursement a visit names, as its fund holds it (read by the application from the fund's stream). */
export interface VisitDisbursement {
  disbursementId: string;
  programmeId: string;
  beneficiary: { kind: string; id: string };
  status: DisbursementStatus;
  /** What it paid: its amount once paid, 0 before. */
  paidFen: number;
}

export type RecordCareVisit = Command<
  'RecordCareVisit',
  {
    visitId: string;
    visitee: VisiteeRef;
    /**
     * The visitee's file as of the visit day, read by the application from the visitee's own
     * stream (null: there is no such file), so that the rule below stays pure.
     */
    visiteeFacts: BeneficiaryFacts | null;
    visitedOn: string;
    /** The aid programme (两节送温暖, 关爱劳模, ...) as the fund defines it. */
    programmeId?: string | null;
    /** The programme named, read by the application from its stream (null: there is no such programme). */
    programme?: { programmeId: string } | null;
    /** Who went: names as written (union leaders, cadres, enterprise representatives). */
    visitors: string[];
    /** Goods handed over, as written (米、面、油…). */
    goods?: string;
    /** Money handed over, whole fen; paid through the disbursement named, when there is one. */
    moneyFen?: number;
    disbursementId?: string | null;
    /** The disbursement named, read by the application from its fund's stream (null: there is no such disbursement). */
    disbursement?: VisitDisbursement | null;
    note?: string;
  }
>;
/** A visit recorded in error is withdrawn with a reason, never edited or deleted. */
export type WithdrawCareVisit = Command<'WithdrawCareVisit', { visitId: string; reason: string }>;
export type CareVisitCommand = RecordCareVisit | WithdrawCareVisit;

export type CareVisitRecorded = DomainEvent<
  'CareVisitRecorded',
  {
    visitId: string;
    visitee: VisiteeRef & { name: string };
    visitedOn: IsoDay;
    programmeId: string | null;
    visitors: string[];
    goods?: string;
    moneyFen?: number;
    disbursementId?: string;
    note?: string;
    recordedBy: string;
  }
>;
export type CareVisitWithdrawn = DomainEvent<'CareVisitWithdrawn', { visitId: string; reason: string; withdrawnBy: string }>;
export type CareVisitEvent = CareVisitRecorded | CareVisitWithdrawn;

export interface CareVisit {
  readonly visitId: string;
  readonly visitee: VisiteeRef & { name: string };
  readonly visitedOn: IsoDay;
  readonly programmeId: string | null;
  readonly withdrawn: boolean;
}
export type CareVisitState = CareVisit | null;

function evolve(state: CareVisitState, event: CareVisitEvent): CareVisitState {
  switch (event.type) {
    case 'CareVisitRecorded': {
      const { visitId, visitee, visitedOn, programmeId } = event.data;
      return { visitId, visitee, visitedOn, programmeId, withdrawn: false };
    }
    case 'CareVisitWithdrawn':
      return state && { ...state, withdrawn: true };
    default:
      void (event satisfies never);
      return state;
  }
}

function recordCareVisit({ data, ctx }: RecordCareVisit, state: CareVisitState): CareVisitEvent[] {
  requireRecorder(ctx);
  if (state) broken.careVisitAlreadyRecorded(state.visitId);
  const kind = requireOneOf('visitee', data.visitee?.kind, VISITEE_KINDS);
  const visitedOn = requireDay('visitedOn', data.visitedOn, ctx.now);
  const facts =
    data.visiteeFacts ?? (kind === 'household' ? broken.householdNotFound(data.visitee.id) : broken.modelWorkerNotFound(data.visitee.id));
  if (kind === 'household' && !facts.openHardshipFile) broken.visiteeNotInHardshipOn(visitedOn);
  if (kind === 'model_worker' && !facts.modelWorker) broken.visiteeNotModelWorkerOn(visitedOn);
  const visitors = (Array.isArray(data.visitors) ? data.visitors : []).map(text).filter(Boolean);
  if (visitors.length === 0) broken.textRequired('visitors');
  const goods = text(data.goods);
  const moneyFen = data.moneyFen === undefined || data.moneyFen === null ? 0 : requireEnteredAmount('moneyFen', data.moneyFen, { positive: false });
  const { programmeId, disbursementId } = visitFunding(data, { kind, id: data.visitee.id }, moneyFen);
  const note = text(data.note);
  return [
    {
      type: 'CareVisitRecorded',
      data: {
        visitId: data.visitId,
        visitee: { kind, id: data.visitee.id, name: facts.displayName },
        visitedOn,
        programmeId: programmeId || null,
        visitors,
        ...(goods ? { goods } : {}),
        ...(moneyFen > 0 ? { moneyFen } : {}),
        ...(disbursementId ? { disbursementId } : {}),
        ...(note ? { note } : {}),
        recordedBy: ctx.actor.staffId,
      },
    },
  ];
}

/**
 * What a visit names of the fund, checked against the fund's own records: the programme must
 * exist; a disbursement must exist, be granted to the one visited and under the programme named
 * (unnamed, the visit is under the disbursement's programme); the money handed over through it is
 * at most what it paid (nothing before it is paid). Several visits may each name one
 * disbursement (money handed over in parts): each is held to what it paid, not to what is left.
 */
export function visitFunding(
  data: Pick<RecordCareVisit['data'], 'programmeId' | 'programme' | 'disbursementId' | 'disbursement'>,
  visitee: VisiteeRef,
  moneyFen: number,
): { programmeId: string; disbursementId: string } {
  let programmeId = text(data.programmeId);
  if (programmeId && data.programme?.programmeId !== programmeId) broken.visitProgrammeNotFound(programmeId);
  const disbursementId = text(data.disbursementId);
  if (!disbursementId) return { programmeId, disbursementId };
  const d = data.disbursement && data.disbursement.disbursementId === disbursementId ? data.disbursement : broken.visitDisbursementNotFound(disbursementId);
  if (d.beneficiary.kind !== visitee.kind || d.beneficiary.id.toLowerCase() !== visitee.id.toLowerCase()) broken.visitDisbursementOfOther(disbursementId);
  if (programmeId && programmeId !== d.programmeId) broken.visitDisbursementOfOtherProgramme(programmeId, disbursementId, d.programmeId);
  programmeId ||= d.programmeId;
  if (moneyFen > d.paidFen) broken.visitMoneyAboveDisbursement(moneyFen, d.paidFen, disbursementId);
  return { programmeId, disbursementId };
}

function withdrawCareVisit({ data, ctx }: WithdrawCareVisit, state: CareVisitState): CareVisitEvent[] {
  requireRecorder(ctx);
  const visit = state ?? broken.careVisitNotFound(data.visitId);
  if (visit.withdrawn) broken.careVisitWithdrawn(visit.visitId);
  const reason = requireReason(data.reason);
  return [{ type: 'CareVisitWithdrawn', data: { visitId: visit.visitId, reason, withdrawnBy: ctx.actor.staffId } }];
}

function decide(command: CareVisitCommand, state: CareVisitState): CareVisitEvent[] {
  switch (command.type) {
    case 'RecordCareVisit':
      return recordCareVisit(command, state);
    case 'WithdrawCareVisit':
      return withdrawCareVisit(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown care visit command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const careVisitDecider: Decider<CareVisitState, CareVisitCommand, CareVisitEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
