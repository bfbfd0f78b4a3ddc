import { disputeCaseDecider, type DisputeCase, type DisputeCaseEvent } from '#domain';
import { appendOnlyRows, defineProjection, entityRows, insertOrIgnore, type Projected, type ReadModel, type RowChange, type RowStorage } from '#projections';
import type { EntityManager } from 'typeorm';
import { DisputeCaseRow } from '../entities/dispute-case-row.entity.js';
import { DisputeClaimantRow } from '../entities/dispute-claimant-row.entity.js';
import { DisputeTimelineEntry } from '../entities/dispute-timeline-entry.entity.js';
import { beijingDate, instant } from './local-date.js';

type CaseEvent = Projected<DisputeCaseEvent>;

/** The case row's columns, from the case as the domain folds it. */
export function disputeCaseRow(state: DisputeCase, event: CaseEvent): DisputeCaseRow {
  const row = new DisputeCaseRow();
  row.id = state.caseId;
  row.title = state.title;
  row.category = state.category;
  row.status = state.status;
  row.respondentName = state.respondent.name;
  row.respondentEmployerId = state.respondent.employerId;
  row.receivedOn = beijingDate(state.receivedAt);
  row.claimantNames = state.claimants.map((c) => c.name);
  row.claimantCount = state.claimants.length;
  row.mediatorId = state.mediatorId;
  row.outcome = state.outcome;
  row.intakeDecision = state.intake.decision;
  row.detail = state as unknown as Record<string, unknown>;
  row.revision = event.streamRevision.toString();
  row.openedAt = instant(state.openedAt);
  row.updatedAt = instant(event.metadata.occurredAt);
  row.searchText = [state.title, state.respondent.name, ...row.claimantNames].join(' ');
  return row;
}

/** The list row and case page: the domain's own evolve, so the page shows what the decider sees. */
export function evolveCaseRow(row: DisputeCaseRow | null, event: CaseEvent): DisputeCaseRow | null {
  if (row && BigInt(row.revision) >= event.streamRevision) return row; // already applied
  const before = (row?.detail as unknown as DisputeCase | undefined) ?? null;
  const after = disputeCaseDecider.evolve(before, { type: event.type, data: event.data } as DisputeCaseEvent);
  return after ? disputeCaseRow(after, event) : row;
}

const claimantsOf = (row: DisputeCaseRow | null) => ((row?.detail as unknown as DisputeCase | undefined)?.claimants ?? []);

/** Case rows, and beside each the claimants it gained (who is in which case). */
function caseStorage(): RowStorage<DisputeCaseRow> {
  const cases = entityRows(DisputeCaseRow, 'id');
  return {
    load: cases.load,
    async save(em: EntityManager, changes: readonly RowChange<DisputeCaseRow>[]) {
      await cases.save(em, changes);
      const added: Partial<DisputeClaimantRow>[] = [];
      for (const { before, after } of changes) {
        if (!after) continue;
        const known = new Set(claimantsOf(before).map((c) => c.claimantId));
        for (const c of claimantsOf(after)) if (!known.has(c.claimantId)) added.push({ caseId: after.id, claimantId: c.claimantId, workerId: c.workerId, name: c.name, idVerified: c.idVerified === true });
      }
      await insertOrIgnore(em, DisputeClaimantRow, added);
    },
    async reset(em: EntityManager) {
      await em.query('DELETE FROM dispute_claimants');
      await cases.reset(em);
    },
  };
}

const cases: ReadModel<DisputeCaseEvent, DisputeCaseRow> = {
  table: 'dispute_cases',
  rowKey: (e) => e.data.caseId,
  evolve: evolveCaseRow,
  storage: caseStorage(),
};

/** One entry per event of a case; its sentence is written at read time, per language. */
const timeline: ReadModel<DisputeCaseEvent, DisputeTimelineEntry> = {
  table: 'dispute_timeline',
  rowKey: (e) => `${e.data.caseId}:${e.streamRevision}`,
  evolve: (row, e) =>
    row ?? {
      caseId: e.data.caseId,
      revision: e.streamRevision.toString(),
      eventId: e.id,
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      actorStaffId: e.metadata.actor.staffId,
      actorRole: e.metadata.actor.role,
      occurredAt: new Date(e.metadata.occurredAt),
      position: e.position,
    },
  storage: appendOnlyRows(DisputeTimelineEntry),
};

/** Dispute cases: the list row and case page, the timeline, and who is in which case. */
export const disputeCasesProjection = defineProjection<DisputeCaseEvent>({
  name: 'dispute-cases',
  handles: {
    DisputeCaseOpened: true,
    ClaimantsAdded: true,
    ClaimRecorded: true,
    IntakeAccepted: true,
    IntakeDeclined: true,
    MediatorAssigned: true,
    CaseReferred: true,
    ReferralAnswered: true,
    MediationSessionRecorded: true,
    FollowUpRecorded: true,
    AgreementReached: true,
    AgreementAmended: true,
    CaseClosed: true,
    CaseReopened: true,
    MediationClockPaused: true,
    MediationClockResumed: true,
    DeadlineWarned: true,
    DeadlineMissed: true,
  },
  readModels: [cases, timeline],
});
