import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, SYSTEM_ACTOR, type Clock } from '#commands';
import {
  DomainError,
  disputeCaseDecider,
  disputeStreamName,
  foldEvents,
  ledgerUnderAgreement,
  recoveryDecider,
  recoveryStreamName,
  type AgreementRecoveryFacts,
  type DisputeCase,
  type RecoveryCaseFacts,
  type RecoveryState,
} from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/**
 * What the recovery and the case know of each other, read from their streams (never from a
 * read model, which may lag): the case's facts that a recovery command needs, and whether the
 * recovery is complete under the agreement in force (what "agreement fulfilled" waits for).
 */
@Injectable()
export class RecoveryCases {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async dispute(caseId: string): Promise<DisputeCase | null> {
    return foldEvents(disputeCaseDecider, await this.store.readStream(disputeStreamName(caseId)));
  }

  async ledger(caseId: string): Promise<RecoveryState> {
    return foldEvents(recoveryDecider, await this.store.readStream(recoveryStreamName(caseId)));
  }

  /** The case as a recovery command needs it; null when no such case was opened. */
  async factsOf(caseId: string): Promise<RecoveryCaseFacts | null> {
    const dispute = await this.dispute(caseId);
    return dispute && factsOf(dispute);
  }

  /**
   * What the ledger holds for each worker, for an amendment of the agreement (which may not owe
   * anyone less): null while the ledger has not started.
   */
  async agreementFacts(caseId: string): Promise<AgreementRecoveryFacts | null> {
    const ledger = await this.ledger(caseId);
    if (ledger.status === 'not_started') return null;
    return {
      workers: ledger.workers.map((w) => ({ claimantId: w.claimantId, receivedFen: w.paidFen + w.heldFen + w.allocatedUnpaidFen, writtenOffFen: w.writtenOffFen })),
    };
  }

  /**
   * Every worker paid or written off, under the agreement in force: the ledger as re-based on it
   * (`ledgerUnderAgreement`, pure), so that an amendment counts even before its re-base reached
   * the ledger's stream. An amendment the ledger cannot follow (it would owe a worker less than
   * was received for them) leaves the recovery incomplete.
   */
  async recoveryComplete(dispute: DisputeCase | null): Promise<boolean> {
    if (!dispute?.agreement) return false;
    const ledger = await this.ledger(dispute.caseId);
    try {
      const followed = ledgerUnderAgreement(ledger, factsOf(dispute), { actor: SYSTEM_ACTOR, now: this.clock.now().toISOString() });
      return followed.status === 'complete' && followed.agreementId === dispute.agreement.agreementId;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}

export function factsOf(dispute: DisputeCase): RecoveryCaseFacts {
  const { agreement } = dispute;
  return {
    caseId: dispute.caseId,
    status: dispute.status,
    receivedAt: dispute.receivedAt,
    mediatorId: dispute.mediatorId,
    claimants: dispute.claimants.map(({ claimantId, workerId, name }) => ({ claimantId, workerId, name })),
    agreement: agreement && {
      agreementId: agreement.agreementId,
      amounts: agreement.amounts.map(({ claimantId, amountFen }) => ({ claimantId, amountFen })),
      ...(agreement.amends ? { amends: agreement.amends } : {}),
    },
  };
}
