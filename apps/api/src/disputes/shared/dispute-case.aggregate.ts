import type { Aggregate } from '#commands';
import { disputeCaseDecider, disputeStreamName, type DisputeCaseCommand, type DisputeCaseEvent, type DisputeCaseState } from '#domain';

/** A dispute case for the command path: one stream per case, named by the command's caseId. */
export const disputeCases: Aggregate<DisputeCaseState, DisputeCaseCommand, DisputeCaseEvent> = {
  decider: disputeCaseDecider,
  streamOf: (command) => disputeStreamName(command.data.caseId),
};
