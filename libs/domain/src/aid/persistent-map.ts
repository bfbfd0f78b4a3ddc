// A fund's stream holds every disbursement it ever paid, and both the command path and the
// auditor's replay fold it event by event. The map is immutable, so `evolve` stays pure, and a
// change copies only the path to its key: a hash array mapped trie (32 slots a level, at most
// seven levels for a 32-bit hash, about four for 100,000 keys). The first version copied one
// of 64 buckets per change, which is linear in the map's size: 100,000 events of a fund with
// 60,000 entries took 13 s to fold; this takes a few hundred milliseconds.

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** FNV-1a, 32 bits. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Leaf<V> {
  constructor(
    readonly hash: number,
    readonly key: string,
    readonly seq: number,
    readonly value: V,
  ) {}
}

/** Keys whose whole hash is the same. */
class Collision<V> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<V>[],
  ) {}
}

class Branch<V> {
  constructor(readonly slots: readonly (Slot<V> | undefined)[]) {}
}

type Slot<V> = Leaf<V> | Collision<V> | Branch<V>;

const indexAt = (hash: number, shift: number) => (hash >>> shift) & MASK;

/** A branch at `shift` holding two slots whose hashes differ (a leaf or collision each). */
function split<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const slots: (Slot<V> | undefined)[] = new Array(WIDTH);
  const ia = indexAt(a.hash, shift);
  const ib = indexAt(b.hash, shift);
  if (ia === ib) slots[ia] = split(a, b, shift + BITS);
  else {
    slots[ia] = a;
    slots[ib] = b;
  }
  return new Branch(slots);
}

/** The trie with `leaf` set (its seq kept if the key was there); `added` says whether it is new. */
function insert<V>(slot: Slot<V> | undefined, leaf: Leaf<V>, shift: number, result: { added: boolean; seq: number }): Slot<V> {
  if (slot === undefined) {
    result.added = true;
    return leaf;
  }
  if (slot instanceof Branch) {
    const i = indexAt(leaf.hash, shift);
    const slots = slot.slots.slice();
    slots[i] = insert(slot.slots[i], leaf, shift + BITS, result);
    return new Branch(slots);
  }
  if (slot.hash !== leaf.hash) {
    result.added = true;
    return split(slot, leaf, shift);
  }
  if (slot instanceof Leaf) {
    if (slot.key === leaf.key) return new Leaf(leaf.hash, leaf.key, (result.seq = slot.seq), leaf.value);
    result.added = true;
    return new Collision(leaf.hash, [slot, leaf]);
  }
  const at = slot.leaves.findIndex((l) => l.key === leaf.key);
  if (at < 0) {
    result.added = true;
    return new Collision(leaf.hash, [...slot.leaves, leaf]);
  }
  const leaves = slot.leaves.slice();
  leaves[at] = new Leaf(leaf.hash, leaf.key, (result.seq = slot.leaves[at].seq), leaf.value);
  return new Collision(leaf.hash, leaves);
}

/**
 * `insert` for a trie being built, nothing else holding it yet: its branches are changed in place
 * instead of copied along the path (building a 60,000-key map from a snapshot).
 */
function insertFresh<V>(slot: Slot<V> | undefined, leaf: Leaf<V>, shift: number, result: { added: boolean; seq: number }): Slot<V> {
  if (slot instanceof Branch) {
    const i = indexAt(leaf.hash, shift);
    (slot.slots as (Slot<V> | undefined)[])[i] = insertFresh(slot.slots[i], leaf, shift + BITS, result);
    return slot;
  }
  return insert(slot, leaf, shift, result);
}

function collect<V>(slot: Slot<V> | undefined, out: Leaf<V>[]): void {
  if (slot === undefined) return;
  if (slot instanceof Leaf) out.push(slot);
  else if (slot instanceof Collision) out.push(...slot.leaves);
  else for (const s of slot.slots) collect(s, out);
}

/** An immutable string-keyed map that remembers insertion order; `set` answers a new map. */
export class PersistentMap<V> {
  private constructor(
    private readonly root: Slot<V> | undefined,
    readonly size: number,
    private readonly nextSeq: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0, 0);
  }

  /** The map of these values in this order, each under the key `keyOf` gives it (a later one with the same key replaces the value, keeping its place). */
  static of<V>(values: Iterable<V>, keyOf: (value: V) => string): PersistentMap<V> {
    let root: Slot<V> | undefined;
    let size = 0;
    for (const v of values) {
      const key = keyOf(v);
      const result = { added: false, seq: size };
      root = insertFresh(root, new Leaf(hashKey(key), key, size, v), 0, result);
      if (result.added) size++;
    }
    return new PersistentMap(root, size, size);
  }

  get(key: string): V | undefined {
    const hash = hashKey(key);
    let slot = this.root;
    for (let shift = 0; slot !== undefined; shift += BITS) {
      if (slot instanceof Branch) slot = slot.slots[indexAt(hash, shift)];
      else if (slot instanceof Leaf) return slot.key === key ? slot.value : undefined;
      else return slot.hash === hash ? slot.leaves.find((l) => l.key === key)?.value : undefined;
    }
    return undefined;
  }

  has(key: string): boolean {
    const hash = hashKey(key);
    let slot = this.root;
    for (let shift = 0; slot !== undefined; shift += BITS) {
      if (slot instanceof Branch) slot = slot.slots[indexAt(hash, shift)];
      else if (slot instanceof Leaf) return slot.key === key;
      else return slot.hash === hash && slot.leaves.some((l) => l.key === key);
    }
    return false;
  }

  set(key: string, value: V): PersistentMap<V> {
    const result = { added: false, seq: this.nextSeq };
    const root = insert(this.root, new Leaf(hashKey(key), key, this.nextSeq, value), 0, result);
    return new PersistentMap(root, this.size + (result.added ? 1 : 0), this.nextSeq + (result.added ? 1 : 0));
  }

  /** In the order the keys were first set. */
  values(): V[] {
    const all: Leaf<V>[] = [];
    collect(this.root, all);
    return all.sort((a, b) => a.seq - b.seq).map((l) => l.value);
  }

  /** As JSON (an auditor's replay answers the state): the values, in the order first set. */
  toJSON(): V[] {
    return this.values();
  }
}
