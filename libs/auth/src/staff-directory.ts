import { Inject, Injectable } from '@nestjs/common';
import { domainEventOf, STAFF_ROSTER_STREAM, staffRosterDecider, type StaffRoster, type StaffRosterEvent } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { ACCESS_TOKEN_SECONDS } from './access-token.js';

/**
 * How long a logout is remembered after it was recorded: as long as an access token of that
 * session could still be unexpired (none is issued after the logout), plus room for clocks
 * that disagree (the store's, this process's, the one that signed the token).
 */
export const ENDED_SESSION_KEPT_MS = ACCESS_TOKEN_SECONDS * 1000 + 2 * 60 * 1000;

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
  /**
   * sessionId -> when its StaffSignedOut was recorded (ms since the epoch). A token of such a
   * session is refused. Kept only ENDED_SESSION_KEPT_MS, so it holds the last quarter hour's logouts.
   */
  endedSessions: ReadonlyMap<string, number>;
}

/**
 * The staff roster as of now, folded from its stream and kept in memory: each read asks the
 * store only for events after the last one seen (one indexed query, usually empty). So a
 * disabled account, a revoked role or a logout takes effect on the very next request, in every
 * process.
 */
@Injectable()
export class StaffDirectory {
  private state: StaffRoster = staffRosterDecider.initialState();
  private next = 0n;
  private lastDisabledAt: Record<string, number> = {};
  /** In the order recorded, so the oldest are forgotten first. */
  private readonly endedSessions = new Map<string, number>();
  /** A read is under way. */
  private reading = false;
  /** The read after it, shared by every call made while it runs. */
  private waiting: { promise: Promise<RosterView>; resolve: (v: RosterView) => void; reject: (e: unknown) => void } | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** What was appended before the call, as view() promises. */
  async current(): Promise<StaffRoster> {
    return (await this.view()).roster;
  }

  /**
   * Every call sees what was appended before it was made: it gets a read that starts after the
   * call. A read under way may have started before, so the calls made meanwhile share the next
   * one: under load one query serves every request that arrived during the one before it,
   * instead of each request queueing a query of its own.
   */
  view(): Promise<RosterView> {
    if (!this.reading) return this.read();
    if (!this.waiting) {
      let resolve!: (v: RosterView) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<RosterView>((res, rej) => ((resolve = res), (reject = rej)));
      this.waiting = { promise, resolve, reject };
    }
    return this.waiting.promise;
  }

  private read(): Promise<RosterView> {
    this.reading = true;
    const read = this.refresh();
    const settled = () => {
      this.reading = false;
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) this.read().then(waiting.resolve, waiting.reject);
    };
    read.then(settled, settled);
    return read;
  }

  private async refresh(): Promise<RosterView> {
    const events = await this.store.readStream(STAFF_ROSTER_STREAM, { fromRevision: this.next });
    const now = this.now();
    for (const e of events) {
      const event = domainEventOf<StaffRosterEvent>(e);
      this.state = staffRosterDecider.evolve(this.state, event);
      if (event.type === 'StaffAccountDisabled') this.lastDisabledAt = { ...this.lastDisabledAt, [event.data.staffId]: Number(e.streamRevision) };
      if (event.type === 'StaffSignedOut') this.sessionEnded(event.data.sessionId, e.recordedAt.getTime(), now);
      this.next = e.streamRevision + 1n;
    }
    this.forgetEndedSessions(now);
    return { roster: this.state, revision: Number(this.next), lastDisabledAt: this.lastDisabledAt, endedSessions: this.endedSessions };
  }

  /** A logout read at start-up from long ago is not kept at all. */
  private sessionEnded(sessionId: string, recordedAt: number, now: number): void {
    if (recordedAt + ENDED_SESSION_KEPT_MS <= now) return;
    this.endedSessions.delete(sessionId); // a second logout of it moves it to the back
    this.endedSessions.set(sessionId, recordedAt);
  }

  /** Oldest first, stopping at the first one still needed: on most requests, one look. */
  private forgetEndedSessions(now: number): void {
    if (this.endedSessions.size === 0) return;
    for (const [sessionId, recordedAt] of this.endedSessions) {
      if (recordedAt + ENDED_SESSION_KEPT_MS > now) return;
      this.endedSessions.delete(sessionId);
    }
  }

  /** The time that token expiry is judged by (jsonwebtoken reads the same clock). */
  protected now(): number {
    return Date.now();
  }
}
