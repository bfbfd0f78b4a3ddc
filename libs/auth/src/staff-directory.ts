import { Inject, Injectable } from '@nestjs/common';
import { foldEvents, STAFF_ROSTER_STREAM, staffRosterDecider, type StaffRoster } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/**
 * The staff roster as of now, folded from its stream and kept in memory: each read asks the
 * store only for events after the last one seen (one indexed query, usually empty). So a
 * disabled account or a revoked role takes effect on the very next request, in every process.
 */
@Injectable()
export class StaffDirectory {
  private state: StaffRoster = staffRosterDecider.initialState();
  private next = 0n;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every call reads what was appended before it was made: calls queue, never share a read. */
  current(): Promise<StaffRoster> {
    const read = this.queue.then(() => this.refresh());
    this.queue = read.catch(() => undefined);
    return read;
  }

  private async refresh(): Promise<StaffRoster> {
    const events = await this.store.readStream(STAFF_ROSTER_STREAM, { fromRevision: this.next });
    if (events.length === 0) return this.state;
    this.state = foldEvents(staffRosterDecider, events, this.state);
    this.next = events[events.length - 1].streamRevision + 1n;
    return this.state;
  }
}
