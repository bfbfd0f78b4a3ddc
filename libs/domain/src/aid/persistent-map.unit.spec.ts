import fc from 'fast-check';
import { PersistentMap } from './persistent-map.js';

describe('PersistentMap', () => {
  it('behaves as a Map that is never changed in place, keeping insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 300 }), (writes) => {
        const model = new Map<string, number>();
        let map = PersistentMap.empty<number>();
        const snapshots: [PersistentMap<number>, Map<string, number>][] = [];
        for (const [k, v] of writes) {
          snapshots.push([map, new Map(model)]);
          map = map.set(k, v);
          model.set(k, v);
        }
        expect(map.size).toBe(model.size);
        expect(map.values()).toEqual([...model.values()]);
        for (const [k, v] of model) expect([map.has(k), map.get(k)]).toEqual([true, v]);
        // Every earlier version still reads as it did.
        for (const [old, then] of snapshots) expect(old.values()).toEqual([...then.values()]);
      }),
      { numRuns: 100 },
    );
  });
});
