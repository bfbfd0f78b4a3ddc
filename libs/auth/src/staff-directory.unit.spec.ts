import '#platform'; // first, as the apps load it: it reaches this library through its migrations
import { STAFF_ROSTER_STREAM, findStaff } from '#domain';
import { InMemoryEventStore, type ReadStreamOptions, type RecordedEvent } from '#event-store';
import { ENDED_SESSION_KEPT_MS, StaffDirectory } from './staff-directory.js';

/** An in-memory store whose reads take their snapshot at once and answer when released; counted. */
class GatedStore extends InMemoryEventStore {
  reads = 0;
  private gates: Array<() => void> = [];

  override async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads++;
    const snapshot = await super.readStream(stream, options);
    await new Promise<void>((release) => this.gates.push(release));
    return snapshot;
  }

  /** Lets the reads waiting now go on. */
  release(): void {
    const gates = this.gates;
    this.gates = [];
    gates.forEach((g) => g());
  }

  async waitForReads(n: number): Promise<void> {
    while (this.gates.length < n) await new Promise((r) => setImmediate(r));
  }
}

const created = (staffId: string) => ({
  id: crypto.randomUUID(),
  type: 'StaffAccountCreated',
  data: { staffId, username: staffId, displayName: staffId, roles: ['mediator'] },
  metadata: { actor: { staffId: 'system', role: 'system' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-02T00:00:00.000Z', schemaVersion: 1 },
});

const signedOut = (staffId: string, sessionId: string) => ({
  ...created(staffId),
  id: crypto.randomUUID(),
  type: 'StaffSignedOut',
  data: { staffId, sessionId },
});

/** A directory reading the time from `clock`, which a test moves. */
const directoryAt = (store: InMemoryEventStore, clock: { now: number }) =>
  new (class extends StaffDirectory {
    protected override now(): number {
      return clock.now;
    }
  })(store);

/** A store that records events at the same clock. */
function atClock(start: number) {
  const clock = { now: start };
  const store = new InMemoryEventStore(() => new Date(clock.now));
  return { clock, store, directory: directoryAt(store, clock) };
}

describe('StaffDirectory', () => {
  it('sees what was appended before the call, even while an older read is under way', async () => {
    const store = new GatedStore();
    const directory = new StaffDirectory(store);
    const early = directory.current(); // its read starts now, before the account exists
    await store.waitForReads(1);
    await store.appendToStream(STAFF_ROSTER_STREAM, [created('zhao')], { expectedRevision: 'any' });
    const late = directory.current(); // made after the append: must see it
    store.release();
    expect(findStaff(await early, 'zhao')).toBeUndefined();
    await store.waitForReads(1);
    store.release();
    expect(findStaff(await late, 'zhao')).toBeDefined();
  });

  it('serves every call made during a read with one read after it, not one read each', async () => {
    const store = new GatedStore();
    const directory = new StaffDirectory(store);
    const first = directory.view();
    await store.waitForReads(1);
    const meanwhile = Array.from({ length: 16 }, () => directory.view());
    store.release();
    await first;
    await store.waitForReads(1);
    store.release();
    const views = await Promise.all(meanwhile);
    expect(store.reads).toBe(2);
    expect(new Set(views).size).toBe(1);
  });

  it('passes a failed read to its callers, and reads again for the next call', async () => {
    const store = new InMemoryEventStore();
    let fail = true;
    const flaky = Object.assign(Object.create(store) as InMemoryEventStore, {
      readStream: (stream: string, options?: ReadStreamOptions) => (fail ? Promise.reject(new Error('connection lost')) : store.readStream(stream, options)),
    });
    const directory = new StaffDirectory(flaky);
    await expect(directory.view()).rejects.toThrow('connection lost');
    fail = false;
    await store.appendToStream(STAFF_ROSTER_STREAM, [created('li')], { expectedRevision: 'any' });
    expect(findStaff(await directory.current(), 'li')).toBeDefined();
  });

  it('keeps a logged-out session while a token of it could be unexpired, and forgets it after', async () => {
    const start = Date.parse('2026-03-02T09:00:00Z');
    const { clock, store, directory } = atClock(start);
    await store.appendToStream(STAFF_ROSTER_STREAM, [created('li'), signedOut('li', 'session-1')], { expectedRevision: 'any' });
    expect((await directory.view()).endedSessions.has('session-1')).toBe(true);
    clock.now = start + 10 * 60 * 1000;
    await store.appendToStream(STAFF_ROSTER_STREAM, [signedOut('li', 'session-2')], { expectedRevision: 'any' });
    expect([...(await directory.view()).endedSessions.keys()]).toEqual(['session-1', 'session-2']);
    clock.now = start + ENDED_SESSION_KEPT_MS;
    expect([...(await directory.view()).endedSessions.keys()]).toEqual(['session-2']);
    clock.now = start + 10 * 60 * 1000 + ENDED_SESSION_KEPT_MS;
    expect((await directory.view()).endedSessions.size).toBe(0);
  });

  it('does not take up logouts long past when it folds the roster at start-up', async () => {
    const start = Date.parse('2026-03-02T09:00:00Z');
    const { clock, store } = atClock(start);
    await store.appendToStream(STAFF_ROSTER_STREAM, [created('li'), signedOut('li', 'old')], { expectedRevision: 'any' });
    clock.now = start + 60 * 60 * 1000;
    await store.appendToStream(STAFF_ROSTER_STREAM, [signedOut('li', 'recent')], { expectedRevision: 'any' });
    const fresh = directoryAt(store, clock);
    expect([...(await fresh.view()).endedSessions.keys()]).toEqual(['recent']);
  });
});
