import { Inject, Injectable } from '@nestjs/common';
import { aidFundDecider, aidFundStreamName, aidProgrammeDecider, aidProgrammeStreamName, disbursementIndexDecider, disbursementIndexStreamName, foldEvents, type FundKind, type Disbursement, type ProgrammeTerms } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/**
 * What a command on one aggregate needs to know of another, read from the log rather than a
 * read model, so a programme created a moment ago is seen at once.
 */
@Injectable()
export class AidStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The fund's kind, from its opening event; null when no such fund was opened. */
  async fund(fundId: string): Promise<{ fundId: string; kind: FundKind } | null> {
    const [first] = await this.store.readStream(aidFundStreamName(fundId), { fromRevision: 0n });
    if (!first || first.type !== 'AidFundOpened') return null;
    return { fundId, kind: (first.data as { kind: FundKind }).kind };
  }

  /** The programme's terms as they stand; null when there is no such programme. */
  async programme(programmeId: string): Promise<ProgrammeTerms | null> {
    return foldEvents(aidProgrammeDecider, await this.store.readStream(aidProgrammeStreamName(programmeId)));
  }

  /** The fund a disbursement was filed under (from the log, never a read model); null when there is no such disbursement. */
  async fundOfDisbursement(disbursementId: string): Promise<string | null> {
    return foldEvents(disbursementIndexDecider, await this.store.readStream(disbursementIndexStreamName(disbursementId)));
  }

  /** A disbursement as its fund holds it (folded from the fund's stream); null when there is no such disbursement. */
  async disbursement(disbursementId: string): Promise<Disbursement | null> {
    const fundId = await this.fundOfDisbursement(disbursementId);
    if (fundId === null) return null;
    const fund = foldEvents(aidFundDecider, await this.store.readStream(aidFundStreamName(fundId)));
    return fund?.disbursements.get(disbursementId) ?? null;
  }
}
