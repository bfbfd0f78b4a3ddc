import type { EmployerEvent, WorkerEvent } from '#domain';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import type { EntityManager } from 'typeorm';
import { EmployerRow } from '../entities/employer-row.entity.js';
import { WorkerRow } from '../entities/worker-row.entity.js';

type PartyEvent = WorkerEvent | EmployerEvent;

const EVENT_TYPES: PartyEvent['type'][] = ['WorkerRegistered', 'WorkerContactUpdated', 'EmployerRegistered'];

async function applyWorker(e: WorkerEvent, event: RecordedEvent, em: EntityManager): Promise<void> {
  const revision = event.streamRevision.toString();
  const at = new Date(event.metadata.occurredAt);
  switch (e.type) {
    case 'WorkerRegistered': {
      const { workerId, name, idNumber, phone, employerId, notes } = e.data;
      const row: WorkerRow = { id: workerId, name, idNumber, phone: phone ?? null, employerId: employerId ?? null, notes: notes ?? null, revision, registeredAt: at, updatedAt: at };
      // A rebuild or a second runner may meet the event again: the row it wrote stands.
      await em.createQueryBuilder().insert().into(WorkerRow).values(row).orIgnore().execute();
      return;
    }
    case 'WorkerContactUpdated':
      // Only a newer revision changes the row, so an event applied twice changes nothing.
      await em
        .createQueryBuilder()
        .update(WorkerRow)
        .set({ phone: e.data.phone, revision, updatedAt: at })
        .where('id = :id AND revision < :revision', { id: e.data.workerId, revision })
        .execute();
      return;
    default:
      void (e satisfies never);
  }
}

/** Workers and employers, as registered: the lists, the search and the party pages. */
export const partiesProjection: Projection = {
  name: 'parties',
  eventTypes: EVENT_TYPES,

  async apply(event: RecordedEvent, em: EntityManager): Promise<void> {
    const e = { type: event.type, data: event.data } as PartyEvent;
    if (e.type !== 'EmployerRegistered') return applyWorker(e, event, em);
    const { employerId, name, creditCode, address, contact } = e.data;
    const row: EmployerRow = {
      id: employerId,
      name,
      creditCode: creditCode ?? null,
      address: address ?? null,
      contact: contact ?? null,
      revision: event.streamRevision.toString(),
      registeredAt: new Date(event.metadata.occurredAt),
    };
    await em.createQueryBuilder().insert().into(EmployerRow).values(row).orIgnore().execute();
  },

  async reset(em: EntityManager): Promise<void> {
    // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would block every reader until commit.
    await em.query('DELETE FROM workers');
    await em.query('DELETE FROM employers');
  },
};
