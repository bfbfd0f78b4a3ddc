import {
  aidFundStreamName,
  disputeStreamName,
  evolveCaseClock,
  evolveDisbursementClock,
  evolveRecoveryClock,
  recoveryStreamName,
  storedBeijingDay,
  type AidFundEvent,
  type CadreActivityEvent,
  type CaseClock,
  type DisbursementClock,
  type DisputeCaseEvent,
  type RecoveryClock,
  type RecoveryEvent,
} from '#domain';
import { appendOnlyRows, defineProjection, entityRows, type Projected, type ReadModel } from '#projections';
import { CadreActivityRow } from '../entities/cadre-activity-row.entity.js';
import { CaseDeadlineRow } from '../entities/case-deadline-row.entity.js';
import { DisbursementDeadlineRow, RecoveryDeadlineRow } from '../entities/item-deadline-rows.entity.js';

type DeadlineEvent = DisputeCaseEvent | CadreActivityEvent | RecoveryEvent | AidFundEvent;
type Event = Projected<DeadlineEvent>;

/**
 * Which aggregate's stream an event is on: a case's and its recovery's events both carry the
 * case's id, and each row folds the events of its own stream only (its revision is that stream's).
 */
const caseIdOn = (e: Event, streamOf: (caseId: string) => string): string | null => {
  const caseId = (e.data as { caseId?: unknown }).caseId;
  return typeof caseId === 'string' && e.streamName === streamOf(caseId) ? caseId : null;
};

/** What every deadline row carries beside its clock: the stream revision folded, and the scheduler's marks. */
interface ScheduledRow {
  revision: string;
  scheduledRevision: string | null;
  scheduledPolicy: number | null;
}

/**
 * The fold every deadline row shares: an event of the row's stream not yet applied goes through
 * the domain's clock fold; a clock that moved becomes the row again (`toRow`), with the event's
 * revision and the scheduler's marks kept.
 */
function foldClock<Row extends ScheduledRow, Clock>(
  row: Row | null,
  e: Event,
  clockOf: (row: Row) => Clock,
  fold: (before: Clock | null) => Clock | null,
  toRow: (clock: Clock) => Omit<Row, keyof ScheduledRow>,
): Row | null {
  if (row && BigInt(row.revision) >= e.streamRevision) return row; // already applied
  const before = row ? clockOf(row) : null;
  const after = fold(before);
  if (!after || after === before) return row;
  return { ...toRow(after), revision: e.streamRevision.toString(), scheduledRevision: row?.scheduledRevision ?? null, scheduledPolicy: row?.scheduledPolicy ?? null } as Row;
}

const clockOf = (row: CaseDeadlineRow): CaseClock => ({ caseId: row.caseId, title: row.title, mediatorId: row.mediatorId, facts: row.facts, notices: row.notices, causes: row.causes });

/** The case's clock row, folded by the domain's own `evolveCaseClock`; the scheduler's marks are kept. */
export function evolveCaseDeadlineRow(row: CaseDeadlineRow | null, e: Event): CaseDeadlineRow | null {
  if (!caseIdOn(e, disputeStreamName)) return row;
  return foldClock(
    row,
    e,
    clockOf,
    (before) => evolveCaseClock(before, { type: e.type, data: e.data } as DisputeCaseEvent, e.id),
    (after) => ({ caseId: after.caseId, title: after.title, mediatorId: after.mediatorId, open: after.facts.closedOn === null, facts: after.facts, notices: [...after.notices], causes: after.causes }),
  );
}

const caseClocks: ReadModel<DeadlineEvent, CaseDeadlineRow> = {
  table: 'case_deadlines',
  rowKey: (e) => caseIdOn(e, disputeStreamName),
  evolve: evolveCaseDeadlineRow,
  storage: entityRows(CaseDeadlineRow, 'caseId'),
};

const recoveryClockOf = (row: RecoveryDeadlineRow): RecoveryClock => ({ caseId: row.caseId, facts: row.facts, notices: row.notices, causes: row.causes });

/** The recovery's clock row (instalments, write-offs waiting), folded by the domain's `evolveRecoveryClock`. */
export function evolveRecoveryDeadlineRow(row: RecoveryDeadlineRow | null, e: Event): RecoveryDeadlineRow | null {
  if (!caseIdOn(e, recoveryStreamName)) return row;
  return foldClock(
    row,
    e,
    recoveryClockOf,
    (before) => evolveRecoveryClock(before, { type: e.type, data: e.data } as RecoveryEvent, e.id),
    (after) => ({ caseId: after.caseId, facts: after.facts, notices: [...after.notices], causes: after.causes }),
  );
}

const recoveryClocks: ReadModel<DeadlineEvent, RecoveryDeadlineRow> = {
  table: 'recovery_deadlines',
  rowKey: (e) => caseIdOn(e, recoveryStreamName),
  evolve: evolveRecoveryDeadlineRow,
  storage: entityRows(RecoveryDeadlineRow, 'caseId'),
};

const disbursementOf = (e: Event): string | null => {
  const { fundId, disbursementId } = e.data as { fundId?: unknown; disbursementId?: unknown };
  return typeof fundId === 'string' && typeof disbursementId === 'string' && e.streamName === aidFundStreamName(fundId) ? disbursementId : null;
};

/** A disbursement's wait for approval, folded by the domain's `evolveDisbursementClock`. */
export function evolveDisbursementDeadlineRow(row: DisbursementDeadlineRow | null, e: Event): DisbursementDeadlineRow | null {
  if (!disbursementOf(e)) return row;
  return foldClock(
    row,
    e,
    (r): DisbursementClock => ({ facts: r.facts, notices: r.notices, cause: r.cause }),
    (before) => evolveDisbursementClock(before, { type: e.type, data: e.data } as AidFundEvent, e.id),
    (after) => ({ disbursementId: after.facts.disbursementId, fundId: after.facts.fundId, open: after.facts.decided === null, facts: after.facts, notices: [...after.notices], cause: after.cause }),
  );
}

const disbursementClocks: ReadModel<DeadlineEvent, DisbursementDeadlineRow> = {
  table: 'disbursement_deadlines',
  rowKey: disbursementOf,
  evolve: evolveDisbursementDeadlineRow,
  storage: entityRows(DisbursementDeadlineRow, 'disbursementId'),
};

/**
 * Trainings and visits as recorded; a follow-up is credited to the staff member who recorded it
 * (the cadre who made it; a supervisor recording one is no cadre on the duties board).
 */
const cadreActivities: ReadModel<DeadlineEvent, CadreActivityRow> = {
  table: 'cadre_activities',
  rowKey: (e) => (e.type === 'CadreActivityRecorded' || e.type === 'FollowUpRecorded' ? e.id : null),
  evolve: (row, e) => {
    if (row) return row;
    if (e.type === 'CadreActivityRecorded') return { id: e.id, cadreId: e.data.cadreId, kind: e.data.kind, day: e.data.on, caseId: null, title: e.data.enterpriseName ?? e.data.title };
    if (e.type === 'FollowUpRecorded') return { id: e.id, cadreId: e.metadata.actor.staffId, kind: 'follow_up', day: storedBeijingDay(e.data.at), caseId: e.data.caseId, title: e.data.result.slice(0, 200) };
    return row;
  },
  storage: appendOnlyRows(CadreActivityRow),
};

/**
 * Deadlines: each case's clock, each recovery's (instalments, write-offs waiting) and each
 * disbursement's wait for approval (for the board, the scheduler, the sweep), and the cadres'
 * activities (for the duties board).
 */
export const deadlinesProjection = defineProjection<DeadlineEvent>({
  name: 'deadlines',
  handles: {
    DisputeCaseOpened: true,
    ClaimantsAdded: false,
    ClaimRecorded: false,
    IntakeAccepted: false,
    IntakeDeclined: true,
    MediatorAssigned: true,
    CaseReferred: false,
    ReferralAnswered: false,
    MediationSessionRecorded: false,
    FollowUpRecorded: true,
    AgreementReached: true,
    AgreementAmended: false,
    CaseClosed: true,
    CaseReopened: true,
    MediationClockPaused: true,
    MediationClockResumed: true,
    DeadlineWarned: true,
    DeadlineMissed: true,
    CadreActivityRecorded: true,
    RecoveryOpened: true,
    OwedRebased: false,
    PaymentPlanSet: true,
    PaymentPlanAmended: true,
    ReceiptRecorded: true,
    PayoutRecorded: false,
    MoneyHeld: false,
    WriteOffRequested: true,
    WriteOffApproved: true,
    WriteOffRejected: true,
    RecoveryCompleted: false,
    InstalmentDueWarned: true,
    InstalmentMissed: true,
    WriteOffApprovalWarned: true,
    WriteOffApprovalMissed: true,
    AidFundOpened: false,
    AidIncomeRecorded: false,
    AidIncomeCorrected: false,
    DisbursementRequested: true,
    DisbursementApproved: true,
    DisbursementRejected: true,
    DisbursementPaid: false,
    DisbursementCancelled: true,
    DisbursementApprovalWarned: true,
    DisbursementApprovalMissed: true,
  },
  readModels: [caseClocks, cadreActivities, recoveryClocks, disbursementClocks],
});
