import { Inject, Injectable } from '@nestjs/common';
import { domainEventOf, STAFF_ROSTER_STREAM, staffRosterDecider, type StaffRoster, type StaffRosterEvent } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/** The roster with what token checks need beside it. */
export interface RosterView {
  roster: StaffRoster;
  /** How many roster events were folded: a token records it when issued. */
  revision: number;
  /**
   * staffId -> the roster revision of the account's latest StaffAccountDisabled. A token
   * issued before it (a smaller revision) stays dead, even after the account is enabled again.
   */
  lastDisabledAt: Readonly<Record<string, number>>;
}

/**
 * The staff roster as of now, folded from its stream and kept in memory: each read asks the
 * store only for events after the last one seen (one indexed query, usually empty). So a
 * disabled account or a revoked role takes effect on the very next request, in every process.
 */
@Injectable()
export class StaffDirectory {
  private state: StaffRoster = staffRosterDecider.initialState();
  private next = 0n;
  private lastDisabledAt: Record<string, number> = {};
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every call reads what was appended before it was made: calls queue, never share a read. */
  async current(): Promise<StaffRoster> {
    return (await this.view()).roster;
  }

  view(): Promise<RosterView> {
    const read = this.queue.then(() => this.refresh());
    this.queue = read.catch(() => undefined);
    return read;
  }

  private async refresh(): Promise<RosterView> {
    const events = await this.store.readStream(STAFF_ROSTER_STREAM, { fromRevision: this.next });
    for (const e of events) {
      const event = domainEventOf<StaffRosterEvent>(e);
      this.state = staffRosterDecider.evolve(this.state, event);
      if (event.type === 'StaffAccountDisabled') this.lastDisabledAt = { ...this.lastDisabledAt, [event.data.staffId]: Number(e.streamRevision) };
      this.next = e.streamRevision + 1n;
    }
    return { roster: this.state, revision: Number(this.next), lastDisabledAt: this.lastDisabledAt };
  }
}
