import fc from 'fast-check';
import { hashKey, PersistentMap } from './persistent-map.js';

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
        // Built at once from the same writes (a snapshot read back): the same map.
        const built = PersistentMap.of(writes, ([k]) => k);
        expect([built.size, built.values().map(([, v]) => v)]).toEqual([model.size, [...model.values()]]);
        for (const [k, v] of model) expect(built.get(k)?.[1]).toBe(v);
        expect(built.set('new key', [' ', 0]).size).toBe(model.has('new key') ? model.size : model.size + 1);
        // Every earlier version still reads as it did.
        for (const [old, then] of snapshots) expect(old.values()).toEqual([...then.values()]);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps keys whose whole hash is the same apart (found by search, not assumed)', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair; i++) {
      const key = `k${i}`;
      const other = seen.get(hashKey(key));
      if (other) pair = [other, key];
      else seen.set(hashKey(key), key);
    }
    const [a, b] = pair;
    expect(hashKey(a)).toBe(hashKey(b));
    const one = PersistentMap.empty<number>().set(a, 1).set('x', 0).set(b, 2);
    const two = one.set(a, 3).set('y', 4);
    expect([one.get(a), one.get(b), one.has(b), one.size]).toEqual([1, 2, true, 3]);
    expect(two.values()).toEqual([3, 0, 2, 4]);
    expect(one.values()).toEqual([1, 0, 2]);
    expect(PersistentMap.of([5, 6, 7], (v) => (v === 6 ? b : v === 5 ? a : 'z')).values()).toEqual([5, 6, 7]);
  });

  it('copies one path per change, however large the map: every other node stays shared with the map before', () => {
    // The nodes of the trie, reached through the map's private root (a test of its structure).
    type Node = { slots?: readonly (Node | undefined)[]; leaves?: readonly Node[] };
    const rootOf = (m: PersistentMap<number>) => (m as unknown as { root: Node }).root;
    const nodes = (n: Node | undefined, into = new Set<Node>()): Set<Node> => {
      if (!n || into.has(n)) return into;
      into.add(n);
      for (const s of n.slots ?? n.leaves ?? []) nodes(s, into);
      return into;
    };
    /** Nodes of `after` that `before` does not hold: what the change built. */
    const built = (before: Set<Node>, after: PersistentMap<number>): number => {
      const count = (n: Node | undefined): number => (!n || before.has(n) ? 0 : 1 + (n.slots ?? n.leaves ?? []).reduce((sum, s) => sum + count(s), 0));
      return count(rootOf(after));
    };
    const key = (i: number) => `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    for (const size of [600, 60_000]) {
      const map = PersistentMap.of(Array.from({ length: size }, (_, i) => i), (i) => key(i));
      const before = nodes(rootOf(map));
      const most = Math.max(...Array.from({ length: 200 }, (_, i) => built(before, map.set(key((i * 7919) % size), -i))));
      // A new leaf and the branches above it: at most 1 + 7 levels for a 32-bit hash (about four
      // for these sizes). Copying a 64th of the map per change (the first version) built ~940 at 60,000.
      expect(most).toBeGreaterThanOrEqual(2);
      expect(most).toBeLessThanOrEqual(8);
      // A new key is the same: one path more.
      expect(built(before, map.set('a key not there', 1))).toBeLessThanOrEqual(8);
    }
  });
});
