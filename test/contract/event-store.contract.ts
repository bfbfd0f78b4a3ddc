import { randomUUID } from 'node:crypto';
import {
  chainHash,
  canonicalEventBody,
  comparePositions,
  EventIdConflict,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';

export function anEvent(type = 'DisputeCaseOpened', data: unknown = { title: '拖欠工资纠纷 — 某建筑公司' }): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { staffId: 'staff-1', role: 'mediator' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-25T08:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

async function collect(iterable: AsyncIterable<RecordedEvent>, count: number, timeoutMs = 5000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  for await (const e of iterable) {
    out.push(e);
    if (out.length >= count || Date.now() > deadline) break;
  }
  return out;
}

/** The promises every EventStore adapter keeps. Each adapter's spec calls this. */
export function describeEventStoreContract(name: string, open: () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>) {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    const stream = () => `dispute-${randomUUID()}`;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
    });
    afterAll(async () => {
      await cleanup();
    });

    it('appends to a new stream and reads back the event unchanged, Chinese text included', async () => {
      const s = stream();
      const e = anEvent('DisputeCaseOpened', { title: '集体讨薪：十二名农民工', amountFen: 24320000, nested: { 名字: '张三' } });
      const result = await store.appendToStream(s, [e], { expectedRevision: 'no_stream' });
      expect(result.nextRevision).toBe(0n);
      const [read] = await store.readStream(s);
      expect(read).toMatchObject({ id: e.id, type: e.type, data: e.data, metadata: e.metadata, streamName: s, streamRevision: 0n, position: result.position });
      expect(Number.isFinite(read.recordedAt.getTime())).toBe(true);
    });

    it('numbers a multi-event append consecutively and answers the last revision and position', async () => {
      const s = stream();
      const result = await store.appendToStream(s, [anEvent(), anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      expect(result.nextRevision).toBe(2n);
      const events = await store.readStream(s);
      expect(events.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n]);
      expect(events[2].position).toBe(result.position);
    });

    it('refuses a stale expected revision with WrongExpectedRevision carrying the actual revision', async () => {
      const s = stream();
      await store.appendToStream(s, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(s, [anEvent()], { expectedRevision: 0n })).rejects.toMatchObject({ name: 'WrongExpectedRevision', actual: 1n });
      await expect(store.appendToStream(s, [anEvent()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.appendToStream(stream(), [anEvent()], { expectedRevision: 'exists' })).rejects.toMatchObject({ actual: -1n });
      expect((await store.appendToStream(s, [anEvent()], { expectedRevision: 1n })).nextRevision).toBe(2n);
      expect((await store.appendToStream(s, [anEvent()], { expectedRevision: 'exists' })).nextRevision).toBe(3n);
      expect((await store.appendToStream(s, [anEvent()], { expectedRevision: 'any' })).nextRevision).toBe(4n);
      expect(await store.readStream(s)).toHaveLength(5);
    });

    it('stores a re-sent append once and answers as the first time did', async () => {
      const s = stream();
      const events = [anEvent(), anEvent()];
      const first = await store.appendToStream(s, events, { expectedRevision: 'no_stream' });
      const again = await store.appendToStream(s, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('refuses an event id reused for different content', async () => {
      const s = stream();
      const e = anEvent();
      await store.appendToStream(s, [e], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(s, [{ ...e, data: { title: '别的' } }], { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventIdConflict);
      await expect(store.appendToStream(stream(), [e], { expectedRevision: 'any' })).rejects.toBeInstanceOf(EventIdConflict);
    });

    it('chains each stream with SHA-256 over the previous hash and the canonical event', async () => {
      const s = stream();
      await store.appendToStream(s, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      await store.appendToStream(s, [anEvent()], { expectedRevision: 1n });
      const events = await store.readStream(s);
      let prev = '';
      for (const e of events) {
        expect(e.prevHash).toBe(prev);
        expect(e.hash).toBe(chainHash(prev, s, e.streamRevision, canonicalEventBody(e)));
        prev = e.hash;
      }
    });

    it('reads a stream from a revision and as of a moment', async () => {
      const s = stream();
      await store.appendToStream(s, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      const [, second] = await store.readStream(s);
      await new Promise((r) => setTimeout(r, 20));
      await store.appendToStream(s, [anEvent()], { expectedRevision: 1n });
      expect((await store.readStream(s, { fromRevision: 1n })).map((e) => e.streamRevision)).toEqual([1n, 2n]);
      expect(await store.readStream(s, { untilRecordedAt: second.recordedAt })).toHaveLength(2);
      expect(await store.readStream('no-such-stream')).toEqual([]);
    });

    it('reads the global log in position order, after a position, in pages', async () => {
      const head = await store.headPosition();
      const s1 = stream();
      const s2 = stream();
      const a = await store.appendToStream(s1, [anEvent()], { expectedRevision: 'no_stream' });
      const b = await store.appendToStream(s2, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      expect(comparePositions(a.position, b.position)).toBe(-1);
      const after = await store.readAll({ fromPosition: head, limit: 10 });
      expect(after.map((e) => e.streamName)).toEqual([s1, s2, s2]);
      expect(await store.readAll({ fromPosition: head, limit: 2 })).toHaveLength(2);
      expect(await store.readAll({ fromPosition: a.position })).toHaveLength(2);
      expect(await store.headPosition()).toBe(b.position);
    });

    it('lets a subscriber catch up and then go live', async () => {
      const head = await store.headPosition();
      const s = stream();
      await store.appendToStream(s, [anEvent()], { expectedRevision: 'no_stream' });
      const controller = new AbortController();
      const received = collect(store.subscribeToAll({ fromPosition: head, signal: controller.signal }), 3);
      await new Promise((r) => setTimeout(r, 50));
      await store.appendToStream(s, [anEvent(), anEvent()], { expectedRevision: 0n });
      const events = await received;
      controller.abort();
      expect(events.map((e) => [e.streamName, e.streamRevision])).toEqual([[s, 0n], [s, 1n], [s, 2n]]);
    });
  });
}
