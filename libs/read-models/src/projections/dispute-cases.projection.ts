import { disputeCaseDecider, type DisputeCase, type DisputeCaseEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import { In, type EntityManager } from 'typeorm';

/** Rows per statement: well under Postgres's 65,535 parameters. */
const CHUNK = 500;
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
  'AgreementAmended',
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

  apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    return disputeCasesProjection.applyBatch!([event], em);
  },

  async applyBatch(events: RecordedEvent[], em: EntityManager): Promise<void> {
    const caseIdOf = (e: RecordedEvent) => (e.data as { caseId: string }).caseId;
    const ids = [...new Set(events.map(caseIdOf))];
    const rows = new Map<string, DisputeCaseRow>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const row of await em.find(DisputeCaseRow, { where: { id: In(ids.slice(i, i + CHUNK)) } })) rows.set(row.id, row);
    }
    const changed = new Map<string, DisputeCaseRow>();
    const timeline: Partial<DisputeTimelineEntry>[] = [];
    const claimants: Partial<DisputeClaimantRow>[] = [];
    for (const event of events) {
      const e = { type: event.type, data: event.data } as DisputeCaseEvent;
      const caseId = caseIdOf(event);
      const existing = rows.get(caseId);
      if (existing && BigInt(existing.revision) >= event.streamRevision) continue; // already applied
      const before = (existing?.detail as unknown as DisputeCase | undefined) ?? null;
      const after = disputeCaseDecider.evolve(before, e);
      if (!after) continue;
      const row = disputeCaseRow(after, event);
      rows.set(caseId, row);
      changed.set(caseId, row);
      timeline.push({
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
        for (const c of e.data.claimants) claimants.push({ caseId, claimantId: c.claimantId, workerId: c.workerId, name: c.name });
      }
    }
    const upserts = [...changed.values()];
    for (let i = 0; i < upserts.length; i += CHUNK) await em.upsert(DisputeCaseRow, upserts.slice(i, i + CHUNK) as never, ['id']);
    for (let i = 0; i < timeline.length; i += CHUNK) await em.insert(DisputeTimelineEntry, timeline.slice(i, i + CHUNK) as never);
    for (let i = 0; i < claimants.length; i += CHUNK * 2) await em.insert(DisputeClaimantRow, claimants.slice(i, i + CHUNK * 2) as never);
  },

  async reset(em: EntityManager): Promise<void> {
    // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would block every reader until commit.
    await em.query('DELETE FROM dispute_timeline');
    await em.query('DELETE FROM dispute_claimants');
    await em.query('DELETE FROM dispute_cases');
  },
};
