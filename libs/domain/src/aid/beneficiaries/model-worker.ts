import type { IsoDay } from '../../shared/dates.js';
import type { Command } from '../../shared/command.js';
import type { Decider, DomainEvent } from '../../shared/messages.js';
import { MODEL_WORKER_LEVELS, type ModelWorkerLevel } from './beneficiary-labels.js';
import { requireDay, requireOneOf, requireReason, requireRecorder, requireYear, text } from './beneficiary.checks.js';
import { beneficiaryRules as broken } from './beneficiary.errors.js';

/** A model worker (劳模) on the union's roll: one stream per worker, so nobody is on it twice. */
export const modelWorkerStreamName = (modelWorkerId: string): string => `aid-model-worker-${modelWorkerId}`;

/** Titles the union's records hold go back to the 1950s. */
export const EARLIEST_AWARD_YEAR = 1950;

/** The youngest a worker is given a model worker's title: the legal working age. */
export const MIN_AGE_AT_AWARD = 16;

/**
 * `worker` is the worker as registered (the application reads the worker's stream), with the
 * year of birth its resident ID number says (null: the number holds no readable birth date).
 */
export type RegisterModelWorker = Command<
  'RegisterModelWorker',
  { modelWorkerId: string; worker: { workerId: string; name: string; birthYear?: number | null }; title: string; level: ModelWorkerLevel; yearAwarded: number }
>;
/** Off the roll (deceased, moved away, title withdrawn): visits before that day still count. */
export type RemoveModelWorker = Command<'RemoveModelWorker', { modelWorkerId: string; removedOn: string; reason: string }>;
export type ModelWorkerCommand = RegisterModelWorker | RemoveModelWorker;

export type ModelWorkerRegistered = DomainEvent<
  'ModelWorkerRegistered',
  {
    modelWorkerId: string;
    workerId: string;
    workerName: string;
    /** As awarded, e.g. 北京市劳动模范, 全国先进工作者. */
    title: string;
    level: ModelWorkerLevel;
    yearAwarded: number;
    registeredBy: string;
  }
>;
export type ModelWorkerRemoved = DomainEvent<
  'ModelWorkerRemoved',
  { modelWorkerId: string; removedOn: IsoDay; reason: string; removedBy: string }
>;
export type ModelWorkerEvent = ModelWorkerRegistered | ModelWorkerRemoved;

export interface ModelWorker {
  readonly modelWorkerId: string;
  readonly workerId: string;
  readonly workerName: string;
  readonly title: string;
  readonly level: ModelWorkerLevel;
  readonly yearAwarded: number;
  /** null while on the roll. */
  readonly removedOn: IsoDay | null;
}
export type ModelWorkerState = ModelWorker | null;

function evolve(state: ModelWorkerState, event: ModelWorkerEvent): ModelWorkerState {
  switch (event.type) {
    case 'ModelWorkerRegistered': {
      const { modelWorkerId, workerId, workerName, title, level, yearAwarded } = event.data;
      return { modelWorkerId, workerId, workerName, title, level, yearAwarded, removedOn: null };
    }
    case 'ModelWorkerRemoved':
      return state && { ...state, removedOn: event.data.removedOn };
    default:
      void (event satisfies never);
      return state;
  }
}

/** On the roll on `day`: awarded in that year or before, and not yet removed. */
export function modelWorkerOnFileOn(state: ModelWorkerState, day: IsoDay): boolean {
  return !!state && state.yearAwarded <= Number(day.slice(0, 4)) && (state.removedOn === null || state.removedOn > day);
}

function registerModelWorker({ data, ctx }: RegisterModelWorker, state: ModelWorkerState): ModelWorkerEvent[] {
  requireRecorder(ctx);
  if (state) broken.modelWorkerAlreadyOnFile(state.modelWorkerId);
  const workerName = text(data.worker?.name) || broken.nameRequired('workerName');
  const title = text(data.title) || broken.textRequired('title');
  const level = requireOneOf('level', data.level, MODEL_WORKER_LEVELS);
  const yearAwarded = requireYear('yearAwarded', data.yearAwarded, ctx.now, EARLIEST_AWARD_YEAR);
  requireAwardAge(yearAwarded, data.worker.birthYear);
  return [
    {
      type: 'ModelWorkerRegistered',
      data: { modelWorkerId: data.modelWorkerId, workerId: data.worker.workerId, workerName, title, level, yearAwarded, registeredBy: ctx.actor.staffId },
    },
  ];
}

/** A title goes to a worker: the year it was awarded is not before the worker was MIN_AGE_AT_AWARD (when the birth year is known). */
export function requireAwardAge(yearAwarded: number, birthYear: number | null | undefined): void {
  if (typeof birthYear === 'number' && yearAwarded < birthYear + MIN_AGE_AT_AWARD) broken.awardBeforeWorkingAge(yearAwarded, MIN_AGE_AT_AWARD);
}

function removeModelWorker({ data, ctx }: RemoveModelWorker, state: ModelWorkerState): ModelWorkerEvent[] {
  requireRecorder(ctx);
  const modelWorker = state ?? broken.modelWorkerNotFound(data.modelWorkerId);
  if (modelWorker.removedOn !== null) broken.modelWorkerRemoved(modelWorker.modelWorkerId);
  const removedOn = requireDay('removedOn', data.removedOn, ctx.now, {
    notBefore: { day: `${modelWorker.yearAwarded}-01-01`, reason: 'before_award' },
  });
  const reason = requireReason(data.reason);
  return [{ type: 'ModelWorkerRemoved', data: { modelWorkerId: modelWorker.modelWorkerId, removedOn, reason, removedBy: ctx.actor.staffId } }];
}

function decide(command: ModelWorkerCommand, state: ModelWorkerState): ModelWorkerEvent[] {
  switch (command.type) {
    case 'RegisterModelWorker':
      return registerModelWorker(command, state);
    case 'RemoveModelWorker':
      return removeModelWorker(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown model worker command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const modelWorkerDecider: Decider<ModelWorkerState, ModelWorkerCommand, ModelWorkerEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
