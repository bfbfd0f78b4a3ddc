import type { Aggregate } from '#commands';
import { recoveryDecider, recoveryStreamName, type RecoveryCommand, type RecoveryEvent, type RecoveryState } from '#domain';

/** A case's recovery ledger for the command path: its own stream, `recovery-<caseId>`. */
export const recoveries: Aggregate<RecoveryState, RecoveryCommand, RecoveryEvent> = {
  decider: recoveryDecider,
  streamOf: (command) => recoveryStreamName(command.data.caseId),
};
