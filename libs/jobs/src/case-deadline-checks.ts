import type { Aggregate } from '#commands';
import { disputeCaseDecider, disputeStreamName, type DisputeCaseCommand, type DisputeCaseEvent, type DisputeCaseState } from '#domain';

/** The dispute case, as a deadline job reaches it through the command path. */
export const caseDeadlineChecks: Aggregate<DisputeCaseState, DisputeCaseCommand, DisputeCaseEvent> = {
  decider: disputeCaseDecider,
  streamOf: (command) => disputeStreamName(command.data.caseId),
};
