import {
  householdFileDecider,
  modelWorkerDecider,
  organisationDecider,
  studentDecider,
  type BeneficiaryEvent,
  type CareVisitEvent,
  type Decider,
  type HouseholdFile,
  type HouseholdFileEvent,
  type ModelWorker,
  type ModelWorkerEvent,
  type Organisation,
  type OrganisationEvent,
  type Student,
  type StudentEvent,
} from '#domain';
import { appendOnlyRows, defineProjection, entityRows, type Projected, type ReadModel } from '#projections';
import { AidCareVisitRow } from '../entities/aid-care-visit-row.entity.js';
import { AidHouseholdRow } from '../entities/aid-household-row.entity.js';
import { AidModelWorkerRow } from '../entities/aid-model-worker-row.entity.js';
import { AidPeopleTimelineEntry } from '../entities/aid-people-timeline-entry.entity.js';
import { AidStudentRow } from '../entities/aid-student-row.entity.js';
import { OrganisationMemberCountRow } from '../entities/organisation-member-count-row.entity.js';
import { OrganisationRow } from '../entities/organisation-row.entity.js';
import { WorkersHomeRatingRow } from '../entities/workers-home-rating-row.entity.js';
import { instant } from './local-date.js';

type Event = Projected<BeneficiaryEvent>;

/** The columns every folded row carries beside its own. */
interface FoldedRow {
  detail: Record<string, unknown>;
  revision: string;
  updatedAt: Date;
}

/**
 * A row kept by the aggregate's own evolve (the page shows what the decider sees): the state
 * lives in `detail`, the columns are read from it. An event met again changes nothing.
 */
function folded<S extends object, E extends BeneficiaryEvent, Row extends FoldedRow>(
  decider: Pick<Decider<S | null, never, E>, 'evolve'>,
  columns: (state: S) => Omit<Row, keyof FoldedRow>,
) {
  return (row: Row | null, e: Projected<E>): Row | null => {
    if (row && BigInt(row.revision) >= e.streamRevision) return row;
    const before = (row?.detail as S | undefined) ?? null;
    const after = decider.evolve(before, { type: e.type, data: e.data } as E);
    if (!after) return row;
    return { ...columns(after), detail: after as unknown as Record<string, unknown>, revision: e.streamRevision.toString(), updatedAt: instant(e.metadata.occurredAt) } as Row;
  };
}

const is = <T extends BeneficiaryEvent['type']>(e: Event, types: readonly T[]): e is Extract<Event, { type: T }> => (types as readonly string[]).includes(e.type);

const HOUSEHOLD_EVENTS = ['HouseholdFileOpened', 'HouseholdFileClosed', 'HouseholdFileReopened'] as const;
const MODEL_WORKER_EVENTS = ['ModelWorkerRegistered', 'ModelWorkerRemoved'] as const;
const STUDENT_EVENTS = ['StudentRegistered', 'StudentSchoolingUpdated'] as const;
const ORGANISATION_EVENTS = ['OrganisationCreated', 'MemberCountRecorded', 'WorkersHomeRated', 'OrganisationDissolved'] as const;

export const evolveHouseholdRow = folded<HouseholdFile, HouseholdFileEvent, AidHouseholdRow>(householdFileDecider as never, (s) => {
  const current = s.periods[s.periods.length - 1]!;
  return {
    id: s.householdId,
    workerId: s.workerId,
    workerName: s.workerName,
    status: s.status,
    householdSize: s.householdSize,
    cause: s.cause,
    monthlyIncomePerPersonFen: String(s.monthlyIncomePerPersonFen),
    singleMother: s.singleMother,
    firstOpenedOn: s.periods[0]!.openedOn,
    openedOn: current.openedOn,
    closedOn: current.closedOn,
  };
});

export const evolveModelWorkerRow = folded<ModelWorker, ModelWorkerEvent, AidModelWorkerRow>(modelWorkerDecider as never, (s) => ({
  id: s.modelWorkerId,
  workerId: s.workerId,
  workerName: s.workerName,
  title: s.title,
  level: s.level,
  yearAwarded: s.yearAwarded,
  removedOn: s.removedOn,
}));

export const evolveStudentRow = folded<Student, StudentEvent, AidStudentRow>(studentDecider as never, (s) => {
  const latest = s.schooling.reduce((a, b) => ((b.effectiveOn ?? '') >= (a.effectiveOn ?? '') ? b : a));
  return { id: s.studentId, householdId: s.householdId, name: s.name, school: latest.school, grade: latest.grade };
});

export const evolveOrganisationRow = folded<Organisation, OrganisationEvent, OrganisationRow>(organisationDecider as never, (s) => ({
  id: s.organisationId,
  name: s.name,
  enterpriseName: s.enterprise.name,
  employerId: s.enterprise.employerId ?? null,
  foundedOn: s.foundedOn,
  dissolvedOn: s.dissolvedOn,
}));

export function evolveCareVisitRow(row: AidCareVisitRow | null, e: Projected<CareVisitEvent>): AidCareVisitRow | null {
  if (row && BigInt(row.revision) >= e.streamRevision) return row;
  switch (e.type) {
    case 'CareVisitRecorded': {
      const d = e.data;
      return {
        id: d.visitId,
        visiteeKind: d.visitee.kind,
        visiteeId: d.visitee.id,
        visiteeName: d.visitee.name,
        visitedOn: d.visitedOn,
        programmeId: d.programmeId,
        visitors: d.visitors,
        goods: d.goods ?? null,
        moneyFen: d.moneyFen === undefined ? null : String(d.moneyFen),
        disbursementId: d.disbursementId ?? null,
        note: d.note ?? null,
        withdrawn: false,
        recordedBy: d.recordedBy,
        revision: e.streamRevision.toString(),
        recordedAt: instant(e.metadata.occurredAt),
      };
    }
    case 'CareVisitWithdrawn':
      return row && { ...row, withdrawn: true, revision: e.streamRevision.toString() };
    default:
      return e satisfies never;
  }
}

const households: ReadModel<BeneficiaryEvent, AidHouseholdRow> = {
  table: 'aid_households',
  rowKey: (e) => (is(e, HOUSEHOLD_EVENTS) ? e.data.householdId : null),
  evolve: (row, e) => (is(e, HOUSEHOLD_EVENTS) ? evolveHouseholdRow(row, e) : row),
  storage: entityRows(AidHouseholdRow, 'id'),
};

const modelWorkers: ReadModel<BeneficiaryEvent, AidModelWorkerRow> = {
  table: 'aid_model_workers',
  rowKey: (e) => (is(e, MODEL_WORKER_EVENTS) ? e.data.modelWorkerId : null),
  evolve: (row, e) => (is(e, MODEL_WORKER_EVENTS) ? evolveModelWorkerRow(row, e) : row),
  storage: entityRows(AidModelWorkerRow, 'id'),
};

const students: ReadModel<BeneficiaryEvent, AidStudentRow> = {
  table: 'aid_students',
  rowKey: (e) => (is(e, STUDENT_EVENTS) ? e.data.studentId : null),
  evolve: (row, e) => (is(e, STUDENT_EVENTS) ? evolveStudentRow(row, e) : row),
  storage: entityRows(AidStudentRow, 'id'),
};

const organisations: ReadModel<BeneficiaryEvent, OrganisationRow> = {
  table: 'organisations',
  rowKey: (e) => (is(e, ORGANISATION_EVENTS) ? e.data.organisationId : null),
  evolve: (row, e) => (is(e, ORGANISATION_EVENTS) ? evolveOrganisationRow(row, e) : row),
  storage: entityRows(OrganisationRow, 'id'),
};

/** The latest count of a day wins: a recount replaces it (only a newer revision changes the row). */
const memberCounts: ReadModel<BeneficiaryEvent, OrganisationMemberCountRow> = {
  table: 'organisation_member_counts',
  rowKey: (e) => (e.type === 'MemberCountRecorded' ? `${e.data.organisationId}:${e.data.countedOn}` : null),
  evolve: (row, e) => {
    if (e.type !== 'MemberCountRecorded' || (row && BigInt(row.revision) >= e.streamRevision)) return row;
    const { organisationId, countedOn, members } = e.data;
    return { key: `${organisationId}:${countedOn}`, organisationId, countedOn, members, revision: e.streamRevision.toString() };
  },
  storage: entityRows(OrganisationMemberCountRow, 'key'),
};

const ratings: ReadModel<BeneficiaryEvent, WorkersHomeRatingRow> = {
  table: 'workers_home_ratings',
  rowKey: (e) => (e.type === 'WorkersHomeRated' ? `${e.data.organisationId}:${e.data.year}` : null),
  evolve: (row, e) => {
    if (e.type !== 'WorkersHomeRated' || row) return row;
    const { organisationId, year, level } = e.data;
    return { key: `${organisationId}:${year}`, organisationId, year, level };
  },
  storage: entityRows(WorkersHomeRatingRow, 'key'),
};

const CARE_VISIT_EVENTS = ['CareVisitRecorded', 'CareVisitWithdrawn'] as const;
const careVisits: ReadModel<BeneficiaryEvent, AidCareVisitRow> = {
  table: 'aid_care_visits',
  rowKey: (e) => (is(e, CARE_VISIT_EVENTS) ? e.data.visitId : null),
  evolve: (row, e) => (is(e, CARE_VISIT_EVENTS) ? evolveCareVisitRow(row, e) : row),
  storage: entityRows(AidCareVisitRow, 'id'),
};

/** One entry per event of every file, organisation and visit; its sentence is written at read time, per language. */
const timeline: ReadModel<BeneficiaryEvent, AidPeopleTimelineEntry> = {
  table: 'aid_people_timeline',
  rowKey: (e) => `${e.streamName}:${e.streamRevision}`,
  evolve: (row, e) =>
    row ?? {
      streamName: e.streamName,
      revision: e.streamRevision.toString(),
      eventId: e.id,
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      actorStaffId: e.metadata.actor.staffId,
      occurredAt: instant(e.metadata.occurredAt),
      position: e.position,
    },
  storage: appendOnlyRows(AidPeopleTimelineEntry),
};

/**
 * Hardship households, model workers, students, union organisations and care visits: the
 * lists, the file pages and the people numbers of the period report.
 */
export const aidPeopleProjection = defineProjection<BeneficiaryEvent>({
  name: 'aid-people',
  handles: {
    HouseholdFileOpened: true,
    HouseholdFileClosed: true,
    HouseholdFileReopened: true,
    ModelWorkerRegistered: true,
    ModelWorkerRemoved: true,
    StudentRegistered: true,
    StudentSchoolingUpdated: true,
    OrganisationCreated: true,
    MemberCountRecorded: true,
    WorkersHomeRated: true,
    OrganisationDissolved: true,
    CareVisitRecorded: true,
    CareVisitWithdrawn: true,
  },
  readModels: [households, modelWorkers, students, organisations, memberCounts, ratings, careVisits, timeline],
});
