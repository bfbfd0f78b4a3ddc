import type { Command } from '../../shared/command.js';
import type { Decider } from '../../shared/messages.js';
import { HARDSHIP_CAUSES, type HardshipCause } from './beneficiary-labels.js';
import { requireAmount, requireCount, requireDay, requireOneOf, requireReason, requireRecorder, text } from './beneficiary.checks.js';
import { beneficiaryRules as broken } from './beneficiary.errors.js';
import {
  evolveHousehold,
  initialHouseholdState,
  type HouseholdCircumstances,
  type HouseholdFile,
  type HouseholdFileEvent,
  type HouseholdFileState,
} from './household-file.events.js';

/** What the clerk writes about the household when the file is opened (or opened again). */
export interface HouseholdCircumstancesInput {
  householdSize: number;
  cause: HardshipCause;
  causeNote?: string;
  monthlyIncomePerPersonFen: number;
  singleMother?: boolean;
}

/**
 * Opens the worker's hardship file, or opens it again after it was closed. `worker` is the
 * worker as registered (the application reads the worker's stream: a file is for a known worker).
 */
export type OpenHouseholdFile = Command<
  'OpenHouseholdFile',
  HouseholdCircumstancesInput & { householdId: string; worker: { workerId: string; name: string }; openedOn: string; reason?: string }
>;
export type CloseHouseholdFile = Command<'CloseHouseholdFile', { householdId: string; closedOn: string; reason: string }>;
export type HouseholdFileCommand = OpenHouseholdFile | CloseHouseholdFile;

type Decided = HouseholdFileEvent[];

function checkCircumstances(data: HouseholdCircumstancesInput): HouseholdCircumstances {
  const causeNote = text(data.causeNote);
  return {
    householdSize: requireCount('householdSize', data.householdSize, 1),
    cause: requireOneOf('cause', data.cause, HARDSHIP_CAUSES),
    ...(causeNote ? { causeNote } : {}),
    monthlyIncomePerPersonFen: requireAmount('monthlyIncomePerPersonFen', data.monthlyIncomePerPersonFen),
    singleMother: data.singleMother === true,
  };
}

export function openHouseholdFile({ data, ctx }: OpenHouseholdFile, state: HouseholdFileState): Decided {
  requireRecorder(ctx);
  if (state?.status === 'open') broken.householdAlreadyOpen(state.householdId);
  const circumstances = checkCircumstances(data);
  const reason = text(data.reason);
  if (state?.status === 'closed') {
    // Hardship came back: a new period, with the household as it is now; a reason is owed.
    const openedOn = requireDay('openedOn', data.openedOn, ctx.now, { notBefore: { day: state.closedOn, reason: 'before_closing' } });
    return [
      {
        type: 'HouseholdFileReopened',
        data: { householdId: state.householdId, ...circumstances, openedOn, reason: reason || broken.reasonRequired(), openedBy: ctx.actor.staffId },
      },
    ];
  }
  const workerName = text(data.worker?.name) || broken.nameRequired('workerName');
  const openedOn = requireDay('openedOn', data.openedOn, ctx.now);
  return [
    {
      type: 'HouseholdFileOpened',
      data: {
        householdId: data.householdId,
        workerId: data.worker.workerId,
        workerName,
        ...circumstances,
        openedOn,
        reason,
        openedBy: ctx.actor.staffId,
      },
    },
  ];
}

export function closeHouseholdFile({ data, ctx }: CloseHouseholdFile, state: HouseholdFileState): Decided {
  requireRecorder(ctx);
  const file: HouseholdFile = state ?? broken.householdNotFound(data.householdId);
  if (file.status === 'closed') broken.householdNotOpen(file.householdId);
  const current = file.periods[file.periods.length - 1]!;
  const closedOn = requireDay('closedOn', data.closedOn, ctx.now, { notBefore: { day: current.openedOn, reason: 'before_opening' } });
  const reason = requireReason(data.reason);
  return [{ type: 'HouseholdFileClosed', data: { householdId: file.householdId, closedOn, reason, closedBy: ctx.actor.staffId } }];
}

export function decideHousehold(command: HouseholdFileCommand, state: HouseholdFileState): Decided {
  switch (command.type) {
    case 'OpenHouseholdFile':
      return openHouseholdFile(command, state);
    case 'CloseHouseholdFile':
      return closeHouseholdFile(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown household file command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const householdFileDecider: Decider<HouseholdFileState, HouseholdFileCommand, HouseholdFileEvent> = {
  initialState: initialHouseholdState,
  evolve: evolveHousehold,
  decide: decideHousehold,
};
