import type { EmployerEvent, WorkerEvent } from '#domain';
import { defineProjection, entityRows, type Projected, type ReadModel } from '#projections';
import { EmployerRow } from '../entities/employer-row.entity.js';
import { WorkerRow } from '../entities/worker-row.entity.js';

type PartyEvent = WorkerEvent | EmployerEvent;

/** A worker as registered, with the latest contact. An event met again changes nothing. */
export function evolveWorker(row: WorkerRow | null, e: Projected<PartyEvent>): WorkerRow | null {
  const revision = e.streamRevision.toString();
  const at = new Date(e.metadata.occurredAt);
  switch (e.type) {
    case 'WorkerRegistered': {
      if (row) return row; // a rebuild or a second runner may meet the event again: the row stands
      const { workerId, name, idNumber, phone, employerId, notes } = e.data;
      return { id: workerId, name, idNumber, phone: phone ?? null, employerId: employerId ?? null, notes: notes ?? null, revision, registeredAt: at, updatedAt: at };
    }
    case 'WorkerContactUpdated':
      // Only a newer revision changes the row, so an event applied twice changes nothing.
      return row && BigInt(row.revision) < e.streamRevision ? { ...row, phone: e.data.phone, revision, updatedAt: at } : row;
    case 'EmployerRegistered':
      return row;
    default:
      return e satisfies never;
  }
}

export function evolveEmployer(row: EmployerRow | null, e: Projected<PartyEvent>): EmployerRow | null {
  if (e.type !== 'EmployerRegistered' || row) return row;
  const { employerId, name, creditCode, address, contact } = e.data;
  return {
    id: employerId,
    name,
    creditCode: creditCode ?? null,
    address: address ?? null,
    contact: contact ?? null,
    revision: e.streamRevision.toString(),
    registeredAt: new Date(e.metadata.occurredAt),
  };
}

const workers: ReadModel<PartyEvent, WorkerRow> = {
  table: 'workers',
  rowKey: (e) => (e.type === 'EmployerRegistered' ? null : e.data.workerId),
  evolve: evolveWorker,
  storage: entityRows(WorkerRow, 'id'),
};

const employers: ReadModel<PartyEvent, EmployerRow> = {
  table: 'employers',
  rowKey: (e) => (e.type === 'EmployerRegistered' ? e.data.employerId : null),
  evolve: evolveEmployer,
  storage: entityRows(EmployerRow, 'id'),
};

/** Workers and employers, as registered: the lists, the search and the party pages. */
export const partiesProjection = defineProjection<PartyEvent>({
  name: 'parties',
  handles: { WorkerRegistered: true, WorkerContactUpdated: true, EmployerRegistered: true },
  readModels: [workers, employers],
});
