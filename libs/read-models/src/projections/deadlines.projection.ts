import { storedBeijingDay, evolveCaseClock, type CadreActivityEvent, type CaseClock, type DisputeCaseEvent } from '#domain';
import { appendOnlyRows, defineProjection, entityRows, type Projected, type ReadModel } from '#projections';
import { CadreActivityRow } from '../entities/cadre-activity-row.entity.js';
import { CaseDeadlineRow } from '../entities/case-deadline-row.entity.js';

type DeadlineEvent = DisputeCaseEvent | CadreActivityEvent;
type Event = Projected<DeadlineEvent>;

const clockOf = (row: CaseDeadlineRow): CaseClock => ({ caseId: row.caseId, title: row.title, mediatorId: row.mediatorId, facts: row.facts, notices: row.notices, causes: row.causes });

/** The case's clock row, folded by the domain's own `evolveCaseClock`; the scheduler's marks are kept. */
export function evolveCaseDeadlineRow(row: CaseDeadlineRow | null, e: Event): CaseDeadlineRow | null {
  if (e.type === 'CadreActivityRecorded') return row;
  if (row && BigInt(row.revision) >= e.streamRevision) return row; // already applied
  const before = row ? clockOf(row) : null;
  const after = evolveCaseClock(before, { type: e.type, data: e.data } as DisputeCaseEvent, e.id);
  if (!after || after === before) return row;
  return {
    caseId: after.caseId,
    title: after.title,
    mediatorId: after.mediatorId,
    open: after.facts.closedOn === null,
    facts: after.facts,
    notices: [...after.notices],
    causes: after.causes,
    revision: e.streamRevision.toString(),
    scheduledRevision: row?.scheduledRevision ?? null,
    scheduledPolicy: row?.scheduledPolicy ?? null,
  };
}

const caseClocks: ReadModel<DeadlineEvent, CaseDeadlineRow> = {
  table: 'case_deadlines',
  rowKey: (e) => (e.type === 'CadreActivityRecorded' ? null : e.data.caseId),
  evolve: evolveCaseDeadlineRow,
  storage: entityRows(CaseDeadlineRow, 'caseId'),
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

/** Deadlines: each case's clock (for the board, the scheduler, the sweep) and the cadres' activities (for the duties board). */
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
  },
  readModels: [caseClocks, cadreActivities],
});
