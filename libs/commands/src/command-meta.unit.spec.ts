import { CommandMeta } from './command-meta.js';
import { uuidV5 } from './derived-ids.js';
import { SYSTEM_ACTOR, systemCommand } from './system-actor.js';

const actor = { staffId: 's-1', role: 'mediator' as const };
const clock = { now: () => new Date('2026-03-02T01:00:00.000Z') };

describe('CommandMeta', () => {
  it('makes name-based UUIDs (version 5) as RFC 9562 does', () => {
    // The RFC's example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same record and event ids from the same idempotency key, and others from another', () => {
    const ids = (key: string) => {
      const meta = new CommandMeta({ actor, correlationId: 'c', causationId: 'c', idempotencyKey: key });
      const events = meta.eventIdsFor('dispute-1');
      const again = meta.eventIdsFor('dispute-1');
      return [meta.newId(), meta.newId(), events.eventId(0), events.eventId(1), again.eventId(0), meta.sub('row 1').newId()];
    };
    const first = ids('claim-a');
    expect(ids('claim-a')).toEqual(first);
    expect(new Set(first).size).toBe(first.length); // no two alike, even for a second command on the same stream
    expect(ids('claim-b').filter((id) => first.includes(id))).toEqual([]);
  });

  it('makes random ids without a key, and says they are not derived', () => {
    const meta = new CommandMeta({ actor, correlationId: 'c', causationId: 'c' });
    expect(meta.newId()).not.toBe(meta.newId());
    expect(meta.eventIdsFor('s').derived).toBe(false);
  });

  it('fixes the time once for every command of a piece of work, sub-parts included, and keeps one record of what was appended', () => {
    let now = Date.parse('2026-03-02T01:00:00.000Z');
    const ticking = { now: () => new Date((now += 1000)) };
    const meta = new CommandMeta({ actor, correlationId: 'c', causationId: 'c', expectedRevision: 3n });
    const row = meta.sub('row 0');
    expect(row.expectedRevision).toBeUndefined();
    expect(row.context(ticking)).toEqual({ actor, now: '2026-03-02T01:00:01.000Z' });
    expect(meta.occurredAt(ticking)).toBe('2026-03-02T01:00:01.000Z');
    row.noteRecorded('worker-1', ['WorkerRegistered']);
    meta.noteRecorded('s', []);
    expect(meta.recorded).toEqual([{ stream: 'worker-1', types: ['WorkerRegistered'] }]);
  });

  it('gives jobs and the CLI the system actor', () => {
    const meta = systemCommand({ idempotencyKey: 'job-42', occurredAt: '2026-03-02T00:00:00.000Z' });
    expect(meta.actor).toEqual(SYSTEM_ACTOR);
    expect(meta.context(clock).now).toBe('2026-03-02T00:00:00.000Z');
    expect(meta.newId()).toBe(systemCommand({ idempotencyKey: 'job-42' }).newId());
  });

  it('knows a stream named after an id it made at random is new, until a command went to it; never with a key', () => {
    const meta = new CommandMeta({ actor, correlationId: 'c', causationId: 'c' });
    const caseId = meta.newId();
    expect(meta.isNewStream(`dispute-${caseId}`)).toBe(true);
    expect(meta.isNewStream('dispute-6f1c2b1e-0000-4000-8000-000000000000')).toBe(false);
    meta.eventIdsFor(`dispute-${caseId}`);
    expect(meta.isNewStream(`dispute-${caseId}`)).toBe(false); // the second command on it: it exists now
    const keyed = new CommandMeta({ actor, correlationId: 'c', causationId: 'c', idempotencyKey: 'k' });
    expect(keyed.isNewStream(`dispute-${keyed.newId()}`)).toBe(false); // derived: a retry finds it again
  });
});

