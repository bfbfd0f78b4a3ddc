import type { Decider, DomainEvent } from '#domain';
import { randomUUID } from 'node:crypto';
import { handleCommand, StreamContended, type HandleOptions } from './command-handler.js';
import { WrongExpectedRevision, type EventStore } from './event-store.port.js';
import { InMemoryEventStore } from './in-memory/in-memory-event-store.js';

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
});
