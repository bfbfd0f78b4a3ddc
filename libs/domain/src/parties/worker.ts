import type { Command } from '../shared/command.js';
import type { Decider, DomainEvent } from '../shared/messages.js';
import { partyRules as broken } from './party.errors.js';
import { normalisePersonName } from './person-name.js';
import { validateResidentId } from './resident-id.js';

/**
 * A worker (职工) who is a claimant in disputes or a beneficiary of aid. One stream per worker.
 *
 * One resident ID number belongs to one worker, but a worker's stream cannot see the others:
 * the application first reserves the number in its own stream (`append` with "no stream"
 * expected, keyed by a digest of the number, never the number itself) and only then registers
 * the worker, so two workers with the same number are refused by the event store, not here.
 */
export const workerStreamName = (workerId: string): string => `worker-${workerId}`;


/**
 * `employer`: the employer `employerId` names, as the command path read it from the employer's
 * own stream; absent or null when there is none, and then a named employer is refused.
 */
export type RegisterWorker = Command<
  'RegisterWorker',
  { workerId: string; name: string; idNumber: string; phone?: string; employerId?: string; notes?: string; employer?: { employerId: string } | null }
>;
/** `phone: null` erases the number the worker no longer uses. */
export type UpdateWorkerContact = Command<'UpdateWorkerContact', { workerId: string; phone: string | null }>;
export type WorkerCommand = RegisterWorker | UpdateWorkerContact;

export type WorkerRegistered = DomainEvent<
  'WorkerRegistered',
  {
    workerId: string;
    /** Chinese text as entered, normalised (person-name.ts: runs of whitespace, U+3000 included, become one space; trimmed). */
    name: string;
    /** Checked and normalised (upper-case X); masked with maskResidentId wherever it is shown. */
    idNumber: string;
    phone?: string;
    employerId?: string;
    notes?: string;
  }
>;
export type WorkerContactUpdated = DomainEvent<'WorkerContactUpdated', { workerId: string; phone: string | null }>;
export type WorkerEvent = WorkerRegistered | WorkerContactUpdated;

export interface Worker {
  readonly workerId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly employerId: string | null;
  readonly notes: string | null;
}
/** null until the worker is registered. */
export type WorkerState = Worker | null;

function evolve(state: WorkerState, event: WorkerEvent): WorkerState {
  switch (event.type) {
    case 'WorkerRegistered': {
      const { workerId, name, idNumber, phone, employerId, notes } = event.data;
      return { workerId, name, idNumber, phone: phone ?? null, employerId: employerId ?? null, notes: notes ?? null };
    }
    case 'WorkerContactUpdated':
      return state && { ...state, phone: event.data.phone };
    default:
      void (event satisfies never);
      return state;
  }
}

function registerWorker({ data, ctx }: RegisterWorker, state: WorkerState): WorkerEvent[] {
  if (state) broken.workerAlreadyRegistered(data.workerId);
  const name = normalisePersonName(data.name) || broken.nameRequired();
  const id = validateResidentId(data.idNumber, { asOf: ctx.now });
  if (!id.ok) return broken.residentIdInvalid(id.reason);
  const phone = data.phone?.trim();
  const employerId = data.employerId?.trim();
  if (employerId && data.employer?.employerId.toLowerCase() !== employerId.toLowerCase()) broken.employerNotFound(employerId);
  const notes = data.notes?.trim();
  return [
    {
      type: 'WorkerRegistered',
      data: {
        workerId: data.workerId,
        name,
        idNumber: id.normalized,
        ...(phone ? { phone } : {}),
        ...(employerId ? { employerId } : {}),
        ...(notes ? { notes } : {}),
      },
    },
  ];
}

function updateWorkerContact({ data }: UpdateWorkerContact, state: WorkerState): WorkerEvent[] {
  if (!state) return broken.workerNotFound(data.workerId);
  const phone = data.phone?.trim() || null;
  if (phone === state.phone) return [];
  return [{ type: 'WorkerContactUpdated', data: { workerId: state.workerId, phone } }];
}

function decide(command: WorkerCommand, state: WorkerState): WorkerEvent[] {
  switch (command.type) {
    case 'RegisterWorker':
      return registerWorker(command, state);
    case 'UpdateWorkerContact':
      return updateWorkerContact(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown worker command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const workerDecider: Decider<WorkerState, WorkerCommand, WorkerEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
