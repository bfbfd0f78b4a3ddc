import type { Aggregate } from '#commands';
import {
  aidFundDecider,
  aidFundStreamName,
  disputeCaseDecider,
  disputeStreamName,
  recoveryDecider,
  recoveryStreamName,
  type AidFundCommand,
  type AidFundEvent,
  type AidFundState,
  type DisputeCaseCommand,
  type DisputeCaseEvent,
  type DisputeCaseState,
  type RecoveryCommand,
  type RecoveryEvent,
  type RecoveryState,
} from '#domain';

/** The dispute case, as a deadline job reaches it through the command path. */
export const caseDeadlineChecks: Aggregate<DisputeCaseState, DisputeCaseCommand, DisputeCaseEvent> = {
  decider: disputeCaseDecider,
  streamOf: (command) => disputeStreamName(command.data.caseId),
};

/** A case's recovery ledger (instalments, write-offs waiting), as a deadline job reaches it. */
export const recoveryDeadlineChecks: Aggregate<RecoveryState, RecoveryCommand, RecoveryEvent> = {
  decider: recoveryDecider,
  streamOf: (command) => recoveryStreamName(command.data.caseId),
};

/** A fund (its disbursements waiting for approval), as a deadline job reaches it. */
export const fundDeadlineChecks: Aggregate<AidFundState, AidFundCommand, AidFundEvent> = {
  decider: aidFundDecider,
  streamOf: (command) => aidFundStreamName(command.data.fundId),
};
