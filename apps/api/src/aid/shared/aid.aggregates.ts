import type { Aggregate } from '#commands';
import {
  aidFundDecider,
  aidFundStreamName,
  aidProgrammeDecider,
  aidProgrammeStreamName,
  disbursementIndexDecider,
  disbursementIndexStreamName,
  type DisbursementFiled,
  type DisbursementIndexState,
  type FileDisbursement,
  type AidFundCommand,
  type AidFundEvent,
  type AidFundState,
  type AidProgrammeCommand,
  type AidProgrammeEvent,
  type AidProgrammeState,
} from '#domain';
import { WrongExpectedRevision } from '#event-store';

/** A fund for the command path: one stream per fund, holding its income and all its disbursements. */
export const aidFunds: Aggregate<AidFundState, AidFundCommand, AidFundEvent> = {
  decider: aidFundDecider,
  streamOf: (command) => aidFundStreamName(command.data.fundId),
};

export const aidProgrammes: Aggregate<AidProgrammeState, AidProgrammeCommand, AidProgrammeEvent> = {
  decider: aidProgrammeDecider,
  streamOf: (command) => aidProgrammeStreamName(command.data.programmeId),
};

/**
 * A disbursement's command with If-Match naming the disbursement's own revision (its version),
 * not its fund's: checked on the state the loop read, in the same turn as decide, so a stale
 * page is a 409 while approvals of other disbursements in the same fund do not disturb it.
 */
export function disbursementAt(expectedVersion: bigint | undefined): Aggregate<AidFundState, AidFundCommand, AidFundEvent> {
  if (expectedVersion === undefined) return aidFunds;
  return {
    streamOf: aidFunds.streamOf,
    decider: {
      ...aidFundDecider,
      decide(command, state) {
        const id = (command.data as { disbursementId?: string }).disbursementId;
        const d = id ? state?.disbursements.get(id) : undefined;
        if (d && BigInt(d.version) !== expectedVersion) throw new WrongExpectedRevision(`aid-disbursement-${id}`, expectedVersion, BigInt(d.version));
        return aidFundDecider.decide(command, state);
      },
    },
  };
}

/** Which fund each disbursement lives in: one tiny stream per disbursement, filed before the fund's append. */
export const disbursementIndex: Aggregate<DisbursementIndexState, FileDisbursement, DisbursementFiled> = {
  decider: disbursementIndexDecider,
  streamOf: (command) => disbursementIndexStreamName(command.data.disbursementId),
};
