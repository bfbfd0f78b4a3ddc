import type { Position, RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';
import { applyToReadModels, ProjectionEventError } from './apply.js';
import { defineProjection, handledTypes, type RowChange } from './projection.js';

type Tally = { type: 'Added'; data: { key: string; n: number } } | { type: 'Removed'; data: { key: string } } | { type: 'Noted'; data: { key: string } };

let seq = 0;
function recorded(type: string, data: unknown): RecordedEvent {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    type,
    data,
    metadata: { actor: { staffId: 's', role: 'mediator' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 },
    streamName: 'tally',
    streamRevision: BigInt(seq),
    position: `1:${seq}` as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  };
}

/** A projection over rows kept in a Map, to watch what the runtime loads and saves. */
function tally(stored: Map<string, number>) {
  const saves: RowChange<number>[][] = [];
  const loads: string[][] = [];
  const projection = defineProjection<Tally>({
    name: 'tally',
    handles: { Added: true, Removed: true, Noted: false },
    readModels: [
      {
        table: 'tally',
        rowKey: (e) => e.data.key,
        evolve: (row: number | null, e) => {
          if (e.type === 'Added' && e.data.n < 0) throw new Error('negative');
          return e.type === 'Added' ? (row ?? 0) + e.data.n : null;
        },
        storage: {
          load: async (_em, keys) => {
            loads.push([...keys]);
            return new Map([...stored].filter(([k]) => keys.includes(k)));
          },
          save: async (_em, changes) => {
            saves.push([...changes]);
            for (const c of changes) (c.after === null ? stored.delete(c.key) : stored.set(c.key, c.after));
          },
          reset: async () => stored.clear(),
        },
      },
    ],
  });
  return { projection, saves, loads };
}

const em = {} as EntityManager;

describe('applying a batch to read models', () => {
  it('loads each touched row once, folds every event in log order, and saves only what changed', async () => {
    const stored = new Map([['a', 10], ['untouched', 1]]);
    const { projection, saves, loads } = tally(stored);
    await applyToReadModels(em, projection, [recorded('Added', { key: 'a', n: 1 }), recorded('Added', { key: 'b', n: 2 }), recorded('Added', { key: 'a', n: 3 }), recorded('Removed', { key: 'b' })]);
    expect(loads).toEqual([['a', 'b']]);
    expect(saves).toEqual([[{ key: 'a', before: 10, after: 14 }]]); // b came and went within the batch
    expect(stored).toEqual(new Map([['a', 14], ['untouched', 1]]));
  });

  it('passes over the types it does not handle, unknown types, and prototype names', async () => {
    const { projection, saves, loads } = tally(new Map());
    await applyToReadModels(em, projection, [recorded('Noted', { key: 'a' }), recorded('SomethingNew', { key: 'a' }), recorded('constructor', { key: 'a' }), recorded('toString', { key: 'a' })]);
    expect(loads).toEqual([]);
    expect(saves).toEqual([]);
    expect(handledTypes(projection)).toEqual(['Added', 'Removed']);
  });

  it('names the event whose evolve throws, and saves nothing of the batch', async () => {
    const { projection, saves } = tally(new Map());
    const bad = recorded('Added', { key: 'a', n: -1 });
    const error = await applyToReadModels(em, projection, [recorded('Added', { key: 'a', n: 1 }), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionEventError);
    expect(error).toMatchObject({ projection: 'tally', reason: 'negative', event: { id: bad.id, type: 'Added', streamName: 'tally', position: bad.position } });
    expect(saves).toEqual([]);
  });
});
