import { Inject, Injectable } from '@nestjs/common';
import { DEADLINE_POLICY_STREAM, deadlinePolicyDecider, foldEvents, type DeadlinePolicies, type DeadlinePolicyEvent } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/** The policies in force, folded from their stream (a handful of events) by the policy decider itself. */
@Injectable()
export class DeadlinePolicyReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(): Promise<DeadlinePolicies> {
    const events = await this.store.readStream(DEADLINE_POLICY_STREAM);
    return foldEvents<DeadlinePolicies, DeadlinePolicyEvent>(deadlinePolicyDecider, events);
  }
}
