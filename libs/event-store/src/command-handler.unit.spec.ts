import type { Decider, DomainEvent } from '#domain';
import { randomUUID } from 'node:crypto';
import { handleCommand, StreamContended, type HandleOptions } from './command-handler.js';
import { WrongExpectedRevision, type EventStore } from './event-store.port.js';
import { InMemoryEventStore } from './in-memory/in-memory-event-store.js';
import { StreamStates } from './stream-states.js';

type Added = DomainEvent<'Added', { by: number }>;
/** A running total: every command adds, so a command recorded twice shows at once. */
const total: Decider<number, { by: number }, Added> = {
  initialState: () => 0,
  evolve: (s, e) => s + e.data.by,
  decide: (c) => [{ type: 'Added', data: { by: c.by } }],
};

const metadata = () => ({ actor: { staffId: 's-1', role: 'mediator' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() });
const random = (): HandleOptions<number, Added> => ({ metadata: metadata(), eventId: () => randomUUID() });
/** Ids as a retried Idempotency-Key derives them: the same for every attempt of the command. */
const derived = (key: string): HandleOptions<number, Added> => ({ metadata: metadata(), eventId: (i) => uuidFor(key, i), idsRepeatOnRetry: true });
const uuidFor = (key: string, i: number) => `00000000-0000-4000-8000-${(key.length * 1000 + i).toString().padStart(12, '0')}`;

/** A store whose every append loses the race, as on a case forty clerks write to at once. */
function alwaysRaced(store: EventStore): EventStore & { appends: number } {
  const raced = Object.create(store) as EventStore & { appends: number };
  raced.appends = 0;
  raced.appendToStream = async (stream) => {
    raced.appends += 1;
    throw new WrongExpectedRevision(stream, 0n, 1n);
  };
  return raced;
}

describe('handleCommand', () => {
  it('answers a retried command (same derived ids) with the first attempt’s events, recording nothing more', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, total, 's', { by: 5 }, random());
    const first = await handleCommand(store, total, 's', { by: 100 }, derived('claim-1'));
    await handleCommand(store, total, 's', { by: 1 }, random()); // someone else writes in between
    // The process died before the answer was stored; the client sends the command again.
    const retry = await handleCommand(store, total, 's', { by: 100 }, { ...derived('claim-1'), metadata: metadata() });
    expect(retry).toMatchObject({ replayed: true, nextRevision: first.nextRevision, position: first.position, state: 105 });
    expect(retry.events).toEqual([{ type: 'Added', data: { by: 100 } }]);
    const stored = await store.readStream('s');
    expect(stored.map((e) => e.data)).toEqual([{ by: 5 }, { by: 100 }, { by: 1 }]); // 100 once, not twice
  });

  it('answers a retry with If-Match from the first attempt, though the stream has moved past that revision', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, total, 's', { by: 5 }, random());
    const first = await handleCommand(store, total, 's', { by: 7 }, { ...derived('k'), expectedRevision: 0n });
    const retry = await handleCommand(store, total, 's', { by: 7 }, { ...derived('k'), expectedRevision: 0n });
    expect(retry.nextRevision).toBe(first.nextRevision);
    await expect(handleCommand(store, total, 's', { by: 7 }, { ...random(), expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedRevision);
  });

  it('lets two twins of one command race: one appends, the other finds its events', async () => {
    const store = new InMemoryEventStore();
    const [a, b] = await Promise.all([handleCommand(store, total, 's', { by: 3 }, derived('twin')), handleCommand(store, total, 's', { by: 3 }, derived('twin'))]);
    expect(a.nextRevision).toBe(b.nextRevision);
    expect((await store.readStream('s')).map((e) => e.data)).toEqual([{ by: 3 }]);
  });

  it('retries a race without If-Match with growing, jittered pauses until its time is up, then says so without naming a revision', async () => {
    const store = alwaysRaced(new InMemoryEventStore());
    const started = Date.now();
    const error = await handleCommand(store, total, 's', { by: 1 }, { ...random(), retryForMs: 300 }).catch((e: unknown) => e);
    const took = Date.now() - started;
    expect(error).toBeInstanceOf(StreamContended);
    expect((error as Error).message).not.toMatch(/expected/i);
    expect(took).toBeGreaterThanOrEqual(150); // it waited between attempts, not 5 instant retries
    expect(took).toBeLessThan(1_500);
    expect(store.appends).toBeGreaterThan(5);
    expect(store.appends).toBeLessThan(300);
  });

  it('answers a race with If-Match at once with the revision the client sent', async () => {
    const store = alwaysRaced(new InMemoryEventStore());
    const error = await handleCommand(store, total, 's', { by: 1 }, { ...random(), expectedRevision: -1n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(store.appends).toBe(1);
  });

  it('refuses, before the step before the append, events holding text no store can keep (NUL, an unpaired surrogate)', async () => {
    type Named = DomainEvent<'Named', { names: string[] }>;
    const naming: Decider<null, { names: string[] }, Named> = { initialState: () => null, evolve: (s) => s, decide: (c) => [{ type: 'Named', data: { names: c.names } }] };
    const store = new InMemoryEventStore();
    let reserved = false;
    const options = { metadata: metadata(), eventId: () => randomUUID(), beforeAppend: async () => void (reserved = true) };
    for (const bad of ['a\u0000b', 'a\ud800b', '\udc00']) {
      const error = await handleCommand(store, naming, 's', { names: ['张三', bad] }, options).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TEXT_NOT_STORABLE', details: { field: 'names[1]' } });
    }
    expect(reserved).toBe(false);
    expect(await store.readStream('s')).toEqual([]);
    await handleCommand(store, naming, 's', { names: ['张三', '😀 a pair is fine'] }, options);
    expect(await store.readStream('s')).toHaveLength(1);
  });

  it('runs the step before the append after deciding, and appends nothing when it throws', async () => {
    const store = new InMemoryEventStore();
    const seen: Added[][] = [];
    await handleCommand(store, total, 's', { by: 2 }, { ...random(), beforeAppend: async (events) => void seen.push(events) });
    expect(seen).toEqual([[{ type: 'Added', data: { by: 2 } }]]);
    const refused = handleCommand(store, total, 's', { by: 9 }, { ...random(), beforeAppend: async () => Promise.reject(new Error('number taken')) });
    await expect(refused).rejects.toThrow('number taken');
    expect(await store.readStream('s')).toHaveLength(1);
  });

  describe('with the states of earlier commands (StreamStates)', () => {
    /** A total that must stay within 100: a stale state can refuse what the stream as it is allows. */
    const capped: Decider<number, { by: number }, Added> = {
      ...total,
      decide: (c, s) => {
        if (s + c.by > 100) throw new Error(`over 100: ${s} + ${c.by}`);
        return [{ type: 'Added', data: { by: c.by } }];
      },
    };
    function counted(store: EventStore): EventStore & { reads: number } {
      const c = Object.create(store) as EventStore & { reads: number };
      c.reads = 0;
      c.readStream = (stream, options) => (c.reads++, store.readStream(stream, options));
      return c;
    }
    const cached = (states: StreamStates, extra: Partial<HandleOptions<number, Added>> = {}) => ({ ...random(), states, ...extra });

    it('decides the next command on a stream on the state the last one left, without reading it', async () => {
      const store = counted(new InMemoryEventStore());
      const states = new StreamStates();
      await handleCommand(store, total, 's', { by: 2 }, cached(states));
      const second = await handleCommand(store, total, 's', { by: 3 }, cached(states));
      expect(store.reads).toBe(1);
      expect(second).toMatchObject({ state: 5, nextRevision: 1n });
    });

    it('never appends after a state gone stale: the store refuses, the loop reads the stream and decides again', async () => {
      const store = counted(new InMemoryEventStore());
      const here = new StreamStates();
      await handleCommand(store, total, 's', { by: 2 }, cached(here));
      await handleCommand(store, total, 's', { by: 40 }, cached(new StreamStates())); // another process
      const result = await handleCommand(store, total, 's', { by: 3 }, cached(here));
      expect(result).toMatchObject({ state: 45, nextRevision: 2n });
      expect((await store.readStream('s')).map((e) => e.data)).toEqual([{ by: 2 }, { by: 40 }, { by: 3 }]);
      expect(here.get(total, 's')).toMatchObject({ state: 45, revision: 2n });
    });

    it('does not refuse on a stale state: what it refuses is judged again on the stream as it is', async () => {
      const store = new InMemoryEventStore();
      const here = new StreamStates();
      await handleCommand(store, capped, 's', { by: 95 }, cached(here));
      await handleCommand(store, capped, 's', { by: -50 }, cached(new StreamStates())); // elsewhere: the total is 45 now
      await expect(handleCommand(store, capped, 's', { by: 10 }, cached(here))).resolves.toMatchObject({ state: 55 });
      await expect(handleCommand(store, capped, 's', { by: 50 }, cached(here))).rejects.toThrow('over 100: 55 + 50');
    });

    it('judges If-Match against the stream, not against a stale state', async () => {
      const store = new InMemoryEventStore();
      const here = new StreamStates();
      await handleCommand(store, total, 's', { by: 1 }, cached(here)); // known here at revision 0
      await handleCommand(store, total, 's', { by: 1 }, cached(new StreamStates())); // now at 1
      // The client saw revision 1 (it is right): accepted, though this process knew 0.
      await expect(handleCommand(store, total, 's', { by: 1 }, cached(here, { expectedRevision: 1n }))).resolves.toMatchObject({ nextRevision: 2n });
      await handleCommand(store, total, 's', { by: 1 }, cached(new StreamStates())); // now at 3; this process knows 2
      // The client saw 2, as this process did, but the stream has moved: a conflict naming the real revision.
      await expect(handleCommand(store, total, 's', { by: 1 }, cached(here, { expectedRevision: 2n }))).rejects.toMatchObject({ actual: 3n });
    });

    it('answers a command that decides nothing from the stream as it is', async () => {
      const nothing: Decider<number, { by: number }, Added> = { ...total, decide: (c) => (c.by === 0 ? [] : [{ type: 'Added', data: { by: c.by } }]) };
      const store = new InMemoryEventStore();
      const here = new StreamStates();
      await handleCommand(store, nothing, 's', { by: 1 }, cached(here));
      const elsewhere = await handleCommand(store, nothing, 's', { by: 1 }, cached(new StreamStates()));
      const answer = await handleCommand(store, nothing, 's', { by: 0 }, cached(here));
      expect(answer).toMatchObject({ events: [], nextRevision: 1n, position: elsewhere.position, state: 2 });
    });

    it('reads a new stream not at all, and after all when it exists', async () => {
      const store = counted(new InMemoryEventStore());
      await handleCommand(store, total, 'fresh', { by: 1 }, cached(new StreamStates(), { newStream: true }));
      expect(store.reads).toBe(0);
      const wrong = await handleCommand(store, total, 'fresh', { by: 1 }, cached(new StreamStates(), { newStream: true }));
      expect(wrong).toMatchObject({ state: 2, nextRevision: 1n });
      expect(store.reads).toBe(1);
    });

    it('reads the stream when the ids derive from an Idempotency-Key: it may hold this command already', async () => {
      const store = counted(new InMemoryEventStore());
      const here = new StreamStates();
      const first = await handleCommand(store, total, 's', { by: 7 }, { ...derived('again'), states: here });
      const retry = await handleCommand(store, total, 's', { by: 7 }, { ...derived('again'), states: here });
      expect(retry).toMatchObject({ replayed: true, nextRevision: first.nextRevision });
      expect(store.reads).toBe(2);
    });

    it('forgets the least recently used stream past its capacity', () => {
      const states = new StreamStates(2);
      const known = (revision: bigint) => ({ state: 0, revision, position: null });
      states.set(total, 'a', known(0n));
      states.set(total, 'b', known(0n));
      states.get(total, 'a');
      states.set(total, 'c', known(0n));
      expect([states.get(total, 'a'), states.get(total, 'b'), states.get(total, 'c')].map(Boolean)).toEqual([true, false, true]);
      states.set(total, 'a', known(5n));
      states.set(total, 'a', known(3n)); // a read that finished after a newer append does not go back
      expect(states.get(total, 'a')?.revision).toBe(5n);
      expect(states.get(capped, 'a')).toBeUndefined(); // another decider's view of the stream is its own
    });
  });
});
