import type { AidFundEvent, BeneficiaryEvent, DisputeCaseEvent, RecoveryEvent } from '#domain';
import { parsePosition } from '#event-store';
import { defineProjection, type Projected, type ReadModel, type RowChange, type RowStorage } from '#projections';
import type { EntityManager } from 'typeorm';
import { beijingDate } from './local-date.js';

/**
 * The facts the period report counts, one row per fact, each carrying the log position of the
 * event that recorded it and of the event that withdrew it (a cancelled grant, a withdrawn visit,
 * a reversed income entry, a declined intake that was reopened). The report's named queries count
 * the facts that stood at a position P: `recorded_pos <= P and (withdrawn_pos is null or
 * withdrawn_pos > P)`, so the figures as they stood at any earlier moment are the same queries
 * with an earlier P, and every figure traces to the events behind its rows.
 *
 * Rows are never rewritten with other values: a recount of an organisation's members is a new
 * fact beside the old one (the later one wins when the report reads it); an organisation's
 * dissolution or a model worker's removal is a fact of its own.
 */

export type ReportEvent = DisputeCaseEvent | RecoveryEvent | AidFundEvent | BeneficiaryEvent;
type Event = Projected<ReportEvent>;

/** What a fact says, and which events record and withdraw it. */
export const FACT_KINDS = {
  case_received: { recordedBy: ['DisputeCaseOpened'], withdrawnBy: [] },
  case_declined: { recordedBy: ['IntakeDeclined'], withdrawnBy: ['CaseReopened'] },
  claimant: { recordedBy: ['DisputeCaseOpened', 'ClaimantsAdded'], withdrawnBy: [] },
  wages_received: { recordedBy: ['ReceiptRecorded'], withdrawnBy: [] },
  wages_paid: { recordedBy: ['PayoutRecorded'], withdrawnBy: [] },
  aid_income: { recordedBy: ['AidIncomeRecorded'], withdrawnBy: ['AidIncomeCorrected'] },
  student_grant: { recordedBy: ['DisbursementApproved'], withdrawnBy: ['DisbursementCancelled', 'DisbursementRejected'] },
  care_visit: { recordedBy: ['CareVisitRecorded'], withdrawnBy: ['CareVisitWithdrawn'] },
  model_worker: { recordedBy: ['ModelWorkerRegistered'], withdrawnBy: [] },
  model_worker_removed: { recordedBy: ['ModelWorkerRemoved'], withdrawnBy: [] },
  organisation: { recordedBy: ['OrganisationCreated'], withdrawnBy: [] },
  organisation_dissolved: { recordedBy: ['OrganisationDissolved'], withdrawnBy: [] },
  member_count: { recordedBy: ['MemberCountRecorded'], withdrawnBy: [] },
  workers_home: { recordedBy: ['WorkersHomeRated'], withdrawnBy: [] },
} as const satisfies Record<string, { recordedBy: readonly ReportEvent['type'][]; withdrawnBy: readonly ReportEvent['type'][] }>;
export type FactKind = keyof typeof FACT_KINDS;

/** One fact as an event states it. */
export interface ReportFact {
  factId: string;
  kind: FactKind;
  /** The case, visitee, model worker, organisation, student or fund the fact is about. */
  subjectId: string;
  /** Visitee kind, model-worker level, income source. */
  category: string | null;
  /** A claimant as a person: `worker:<id>` when registered, else `case:<caseId>:<name>`. */
  personKey: string | null;
  /** The business day it counts on (Beijing, `YYYY-MM-DD`, kept as text), or null until a pending fact is recorded. */
  day: string | null;
  year: number | null;
  amountFen: number | null;
  quantity: number | null;
  /** Asked for, not yet a fact (a grant awaiting approval): the event that records it comes later. */
  pending?: boolean;
}

/** What one event does to the facts: the storage applies it with the event's position. */
export interface FactChanges {
  event: { position: string; id: string; type: string; streamName: string; revision: string; recordedAt: Date };
  insert: ReportFact[];
  /** A pending fact becomes a fact, on its day. */
  record: { factId: string; day: string }[];
  /** A fact withdrawn: by its id, or every standing fact of a kind about a subject (recorded before this event). */
  withdraw: ({ factId: string } | { kind: FactKind; subjectId: string })[];
}

/** Digits the sequence number takes in a position key: a bigint has at most 19. */
const SEQ_DIGITS = 20n;

/**
 * A log position (`"tx:seq"`) as one number that sorts as positions do: tx · 10^20 + seq. Stored
 * in `numeric(40, 0)` columns, so a figure's bound is a single comparison.
 */
export function positionKey(position: string): string {
  const { tx, seq } = parsePosition(position);
  return (tx * 10n ** SEQ_DIGITS + seq).toString();
}

const fact = (f: Omit<ReportFact, 'category' | 'personKey' | 'day' | 'year' | 'amountFen' | 'quantity'> & Partial<ReportFact>): ReportFact => ({
  category: null,
  personKey: null,
  day: null,
  year: null,
  amountFen: null,
  quantity: null,
  ...f,
});

const claimantFacts = (caseId: string, claimants: readonly { claimantId: string; workerId: string | null; name: string }[]): ReportFact[] =>
  claimants.map((c) =>
    fact({ factId: `claimant:${caseId}:${c.claimantId}`, kind: 'claimant', subjectId: caseId, personKey: c.workerId ? `worker:${c.workerId}` : `case:${caseId}:${c.name}` }),
  );

/** The facts an event records or withdraws; null when it touches none. Pure. */
export function factChanges(e: Event): FactChanges | null {
  const insert: ReportFact[] = [];
  const record: FactChanges['record'] = [];
  const withdraw: FactChanges['withdraw'] = [];
  switch (e.type) {
    case 'DisputeCaseOpened':
      insert.push(fact({ factId: `case_received:${e.data.caseId}`, kind: 'case_received', subjectId: e.data.caseId, day: beijingDate(e.data.application.receivedAt) }));
      insert.push(...claimantFacts(e.data.caseId, e.data.claimants));
      break;
    case 'ClaimantsAdded':
      insert.push(...claimantFacts(e.data.caseId, e.data.claimants));
      break;
    case 'IntakeDeclined':
      insert.push(fact({ factId: `case_declined:${e.data.caseId}:${e.streamRevision}`, kind: 'case_declined', subjectId: e.data.caseId }));
      break;
    case 'CaseReopened':
      // A declined intake reopened is pending again; a closed case reopened had no decline to withdraw.
      withdraw.push({ kind: 'case_declined', subjectId: e.data.caseId });
      break;
    case 'ReceiptRecorded':
      insert.push(fact({ factId: `wages_received:${e.data.caseId}:${e.streamRevision}`, kind: 'wages_received', subjectId: e.data.caseId, day: e.data.receivedOn, amountFen: e.data.amountFen }));
      break;
    case 'PayoutRecorded':
      insert.push(fact({ factId: `wages_paid:${e.data.caseId}:${e.streamRevision}`, kind: 'wages_paid', subjectId: e.data.caseId, day: e.data.paidOn, amountFen: e.data.amountFen }));
      break;
    case 'AidIncomeRecorded':
      insert.push(fact({ factId: `aid_income:${e.data.entryId}`, kind: 'aid_income', subjectId: e.data.fundId, category: e.data.source, day: e.data.receivedOn, amountFen: e.data.amountFen }));
      break;
    case 'AidIncomeCorrected':
      withdraw.push({ factId: `aid_income:${e.data.correctsEntryId}` });
      break;
    case 'DisbursementRequested':
      if (e.data.programmeKind !== 'student_grants') return null;
      insert.push(fact({ factId: `student_grant:${e.data.disbursementId}`, kind: 'student_grant', subjectId: e.data.beneficiary.id, amountFen: e.data.amountFen, pending: true }));
      break;
    case 'DisbursementApproved':
      // Only a student grant has a pending fact to record; for other programmes this changes nothing.
      record.push({ factId: `student_grant:${e.data.disbursementId}`, day: e.data.approvedOn ?? beijingDate(e.data.approvedAt) });
      break;
    case 'DisbursementCancelled':
    case 'DisbursementRejected':
      withdraw.push({ factId: `student_grant:${e.data.disbursementId}` });
      break;
    case 'CareVisitRecorded':
      insert.push(fact({ factId: `care_visit:${e.data.visitId}`, kind: 'care_visit', subjectId: e.data.visitee.id, category: e.data.visitee.kind, day: e.data.visitedOn }));
      break;
    case 'CareVisitWithdrawn':
      withdraw.push({ factId: `care_visit:${e.data.visitId}` });
      break;
    case 'ModelWorkerRegistered':
      insert.push(fact({ factId: `model_worker:${e.data.modelWorkerId}`, kind: 'model_worker', subjectId: e.data.modelWorkerId, category: e.data.level, year: e.data.yearAwarded }));
      break;
    case 'ModelWorkerRemoved':
      insert.push(fact({ factId: `model_worker_removed:${e.data.modelWorkerId}`, kind: 'model_worker_removed', subjectId: e.data.modelWorkerId, day: e.data.removedOn }));
      break;
    case 'OrganisationCreated':
      insert.push(fact({ factId: `organisation:${e.data.organisationId}`, kind: 'organisation', subjectId: e.data.organisationId, day: e.data.foundedOn }));
      break;
    case 'OrganisationDissolved':
      insert.push(fact({ factId: `organisation_dissolved:${e.data.organisationId}`, kind: 'organisation_dissolved', subjectId: e.data.organisationId, day: e.data.dissolvedOn }));
      break;
    case 'MemberCountRecorded':
      insert.push(fact({ factId: `member_count:${e.data.organisationId}:${e.streamRevision}`, kind: 'member_count', subjectId: e.data.organisationId, day: e.data.countedOn, quantity: e.data.members }));
      break;
    case 'WorkersHomeRated':
      // One rating a unit a year: the first stands (the decider refuses another level).
      insert.push(fact({ factId: `workers_home:${e.data.organisationId}:${e.data.year}`, kind: 'workers_home', subjectId: e.data.organisationId, year: e.data.year }));
      break;
    default:
      return null;
  }
  return {
    event: { position: e.position, id: e.id, type: e.type, streamName: e.streamName, revision: e.streamRevision.toString(), recordedAt: e.recordedAt },
    insert,
    record,
    withdraw,
  };
}

const COLUMNS = [
  'fact_id', 'kind', 'subject_id', 'category', 'person_key', 'day', 'year', 'amount_fen', 'quantity',
  'recorded_pos', 'recorded_position', 'recorded_event_id', 'recorded_event_type', 'recorded_at', 'stream_name', 'stream_revision',
] as const;
const TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'bigint', 'int', 'numeric', 'text', 'uuid', 'text', 'timestamptz', 'text', 'bigint'];

/**
 * Where the facts live. Nothing is read back (each event's changes stand on their own); a batch
 * inserts its facts in one statement (a fact met again is left as it stands), then records and
 * withdraws in log order, each guarded so that applying an event twice changes nothing.
 */
function factStorage(): RowStorage<FactChanges> {
  return {
    async load() {
      return new Map<string, FactChanges>();
    },
    async save(em: EntityManager, changes: readonly RowChange<FactChanges>[]) {
      const all = changes.map((c) => c.after).filter((c): c is FactChanges => c !== null);
      const rows = all.flatMap((c) =>
        c.insert.map((f) => {
          const at = c.event;
          const recorded = f.pending ? [null, null, null, null, null] : [positionKey(at.position), at.position, at.id, at.type, at.recordedAt.toISOString()];
          return [f.factId, f.kind, f.subjectId, f.category, f.personKey, f.day, f.year, f.amountFen, f.quantity, ...recorded, at.streamName, at.revision];
        }),
      );
      for (let i = 0; i < rows.length; i += 5_000) {
        const part = rows.slice(i, i + 5_000);
        const params = COLUMNS.map((_, col) => part.map((r) => r[col] ?? null));
        await em.query(
          `INSERT INTO report_facts (${COLUMNS.join(', ')})
           SELECT * FROM unnest(${TYPES.map((t, n) => `$${n + 1}::${t}[]`).join(', ')})
           ON CONFLICT (fact_id) DO NOTHING`,
          params,
        );
      }
      for (const c of all) {
        const at = c.event;
        for (const r of c.record) {
          await em.query(
            `UPDATE report_facts SET day = $2, recorded_pos = $3::numeric, recorded_position = $4, recorded_event_id = $5, recorded_event_type = $6, recorded_at = $7
              WHERE fact_id = $1 AND recorded_pos IS NULL`,
            [r.factId, r.day, positionKey(at.position), at.position, at.id, at.type, at.recordedAt],
          );
        }
        for (const w of c.withdraw) {
          const set = `withdrawn_pos = $1::numeric, withdrawn_position = $2, withdrawn_event_id = $3, withdrawn_event_type = $4, withdrawn_at = $5`;
          const by = [positionKey(at.position), at.position, at.id, at.type, at.recordedAt];
          if ('factId' in w) await em.query(`UPDATE report_facts SET ${set} WHERE fact_id = $6 AND withdrawn_pos IS NULL`, [...by, w.factId]);
          else {
            await em.query(
              `UPDATE report_facts SET ${set} WHERE kind = $6 AND subject_id = $7 AND withdrawn_pos IS NULL AND recorded_pos < $1::numeric`,
              [...by, w.kind, w.subjectId],
            );
          }
        }
      }
    },
    async reset(em: EntityManager) {
      await em.query('DELETE FROM report_facts');
    },
  };
}

const facts: ReadModel<ReportEvent, FactChanges> = {
  table: 'report_facts',
  rowKey: (e) => e.id,
  evolve: (row, e) => row ?? factChanges(e),
  storage: factStorage(),
};

/** The period report's facts (issue 13): what every figure counts, with the positions that recorded and withdrew each. */
export const reportFactsProjection = defineProjection<ReportEvent>({
  name: 'report-facts',
  handles: {
    // Dispute cases: received, declined and reopened, who the claimants are.
    DisputeCaseOpened: true,
    ClaimantsAdded: true,
    IntakeDeclined: true,
    CaseReopened: true,
    ClaimRecorded: false,
    IntakeAccepted: false,
    MediatorAssigned: false,
    CaseReferred: false,
    ReferralAnswered: false,
    MediationSessionRecorded: false,
    FollowUpRecorded: false,
    AgreementReached: false,
    AgreementAmended: false,
    CaseClosed: false,
    MediationClockPaused: false,
    MediationClockResumed: false,
    DeadlineWarned: false,
    DeadlineMissed: false,
    // Wage recovery: money received from employers and paid to workers.
    ReceiptRecorded: true,
    PayoutRecorded: true,
    RecoveryOpened: false,
    OwedRebased: false,
    PaymentPlanSet: false,
    PaymentPlanAmended: false,
    MoneyHeld: false,
    WriteOffRequested: false,
    WriteOffApproved: false,
    WriteOffRejected: false,
    RecoveryCompleted: false,
    InstalmentDueWarned: false,
    InstalmentMissed: false,
    WriteOffApprovalWarned: false,
    WriteOffApprovalMissed: false,
    // Aid fund: income and its reversals, student grants asked for, approved, cancelled or rejected.
    AidIncomeRecorded: true,
    AidIncomeCorrected: true,
    DisbursementRequested: true,
    DisbursementApproved: true,
    DisbursementCancelled: true,
    DisbursementRejected: true,
    AidFundOpened: false,
    DisbursementPaid: false,
    DisbursementApprovalWarned: false,
    DisbursementApprovalMissed: false,
    // Aid people: care visits, model workers, organisations, member counts, Workers' Homes.
    CareVisitRecorded: true,
    CareVisitWithdrawn: true,
    ModelWorkerRegistered: true,
    ModelWorkerRemoved: true,
    OrganisationCreated: true,
    OrganisationDissolved: true,
    MemberCountRecorded: true,
    WorkersHomeRated: true,
    HouseholdFileOpened: false,
    HouseholdFileClosed: false,
    HouseholdFileReopened: false,
    StudentRegistered: false,
    StudentSchoolingUpdated: false,
  },
  readModels: [facts],
});
