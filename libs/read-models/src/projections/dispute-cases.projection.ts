import { disputeCaseDecider, type DisputeCase, type DisputeCaseEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import type { EntityManager } from 'typeorm';
import { DisputeCaseRow } from '../entities/dispute-case-row.entity.js';
import { DisputeClaimantRow } from '../entities/dispute-claimant-row.entity.js';
import { DisputeTimelineEntry } from '../entities/dispute-timeline-entry.entity.js';
import { beijingDate } from './local-date.js';

const EVENT_TYPES: DisputeCaseEvent['type'][] = [
  'DisputeCaseOpened',
  'ClaimantsAdded',
  'ClaimRecorded',
  'IntakeAccepted',
  'IntakeDeclined',
  'MediatorAssigned',
  'CaseReferred',
  'ReferralAnswered',
  'MediationSessionRecorded',
  'FollowUpRecorded',
  'AgreementReached',
  'CaseClosed',
  'CaseReopened',
];

/** The case row's columns, from the case as the domain folds it. */
export function disputeCaseRow(state: DisputeCase, event: RecordedEvent): DisputeCaseRow {
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
  row.detail = state as unknown as Record<string, unknown>;
  row.revision = event.streamRevision.toString();
  row.openedAt = new Date(state.openedAt);
  row.updatedAt = new Date(event.metadata.occurredAt);
  row.searchText = [state.title, state.respondent.name, ...row.claimantNames].join(' ');
  return row;
}

/**
 * Dispute cases: the list row and case page (the domain's own evolve, so the page shows what
 * the decider sees), the timeline, and who is in which case.
 */
export const disputeCasesProjection: Projection = {
  name: 'dispute-cases',
  eventTypes: EVENT_TYPES,

  async apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    const e = { type: event.type, data: event.data } as DisputeCaseEvent;
    const caseId = (e.data as { caseId: string }).caseId;
    const existing = await em.findOne(DisputeCaseRow, { where: { id: caseId } });
    if (existing && BigInt(existing.revision) >= event.streamRevision) return; // already applied
    const before = (existing?.detail as unknown as DisputeCase | undefined) ?? null;
    const after = disputeCaseDecider.evolve(before, e);
    if (!after) return;
    await em.save(DisputeCaseRow, disputeCaseRow(after, event));
    await em.insert(DisputeTimelineEntry, {
      caseId,
      revision: event.streamRevision.toString(),
      eventId: event.id,
      type: event.type,
      data: event.data as never,
      actorStaffId: event.metadata.actor.staffId,
      actorRole: event.metadata.actor.role,
      occurredAt: new Date(event.metadata.occurredAt),
      position: event.position,
    });
    if (e.type === 'DisputeCaseOpened' || e.type === 'ClaimantsAdded') {
      const claimants = e.data.claimants.map((c) => ({ caseId, claimantId: c.claimantId, workerId: c.workerId, name: c.name }));
      for (let i = 0; i < claimants.length; i += 1000) await em.insert(DisputeClaimantRow, claimants.slice(i, i + 1000));
    }
  },

  async reset(em: EntityManager): Promise<void> {
    await em.query('TRUNCATE dispute_cases, dispute_timeline, dispute_claimants');
  },
};
