import { createHash } from 'node:crypto';

/**
 * A Merkle tree over the global log as RFC 6962 / RFC 9162 (§2.1) define it: leaf hash =
 * SHA-256(0x00 || leaf), interior node = SHA-256(0x01 || left || right), the tree of n leaves
 * splits at the largest power of two below n. Hashes travel as Buffers inside and as hex
 * outside. Sizes and indexes are plain numbers (safe up to 2^53 leaves).
 */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const EMPTY_ROOT = createHash('sha256').digest();

export function leafHash(leaf: Buffer): Buffer {
  return createHash('sha256').update(LEAF).update(leaf).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const half = (x: number): number => Math.floor(x / 2);
const odd = (x: number): boolean => x % 2 === 1;
const isPowerOfTwo = (x: number): boolean => {
  while (x > 1 && !odd(x)) x = half(x);
  return x === 1;
};

/**
 * The tree built leaf by leaf with O(log n) memory: the roots of the complete subtrees so far
 * (the "frontier"), largest first. Its root is the RFC 6962 root of everything pushed.
 */
export class MerkleAccumulator {
  private readonly stack: { hash: Buffer; size: number }[] = [];
  private count = 0;

  /** Continues a tree from a saved frontier (the `frontier()` of a tree of `size` leaves). */
  static resume(size: number, frontier: readonly Buffer[]): MerkleAccumulator {
    const acc = new MerkleAccumulator();
    const sizes: number[] = [];
    for (let rest = size, bit = 1; rest > 0; rest = half(rest), bit *= 2) if (odd(rest)) sizes.unshift(bit);
    if (sizes.length !== frontier.length) throw new Error(`a frontier of a tree of ${size} leaves has ${sizes.length} hashes, not ${frontier.length}`);
    sizes.forEach((s, i) => acc.stack.push({ hash: frontier[i], size: s }));
    acc.count = size;
    return acc;
  }

  get size(): number {
    return this.count;
  }

  /** Adds a leaf given as its leaf data (not yet hashed). */
  push(leaf: Buffer): void {
    this.pushLeafHash(leafHash(leaf));
  }

  pushLeafHash(hash: Buffer): void {
    let node = { hash, size: 1 };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: nodeHash(left.hash, node.hash), size: node.size * 2 };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (!this.stack.length) return EMPTY_ROOT;
    let acc = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i].hash, acc);
    return acc;
  }

  frontier(): Buffer[] {
    return this.stack.map((s) => s.hash);
  }
}

/** The root of a whole list of leaves (leaf data, not yet hashed). */
export function rootOf(leaves: Iterable<Buffer>): Buffer {
  const acc = new MerkleAccumulator();
  for (const leaf of leaves) acc.push(leaf);
  return acc.root();
}

/** A subtree the proof needs: the leaves [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** Which subtrees make the audit path of leaf m in a tree of n leaves (RFC 6962 §2.1.1 PATH), leaf level first. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  const path = (m: number, start: number, end: number): Range[] => {
    const size = end - start;
    if (size === 1) return [];
    const k = splitPoint(size);
    return m < k ? [...path(m, start, start + k), { start: start + k, end }] : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(m, 0, n);
}

/** Which subtrees prove that the tree of m leaves is a prefix of the tree of n (RFC 6962 §2.1.2 PROOF), 0 < m <= n. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m > 0 && m <= n)) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const sub = (m: number, start: number, end: number, whole: boolean): Range[] => {
    const size = end - start;
    if (m === size) return whole ? [] : [{ start, end }];
    const k = splitPoint(size);
    return m <= k ? [...sub(m, start, start + k, whole), { start: start + k, end }] : [...sub(m - k, start + k, end, false), { start, end: start + k }];
  };
  return sub(m, 0, n, true);
}

/**
 * The hashes of the given subtrees from one pass over the leaf hashes in order (the leaves
 * come from wherever they are kept, in batches). Every leaf feeds the ranges that hold it.
 */
export async function rangeHashes(ranges: readonly Range[], leafHashes: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer[]> {
  const accs = ranges.map(() => new MerkleAccumulator());
  const end = Math.max(0, ...ranges.map((r) => r.end));
  let i = 0;
  for await (const h of leafHashes) {
    if (i >= end) break;
    ranges.forEach((r, j) => {
      if (i >= r.start && i < r.end) accs[j].pushLeafHash(h);
    });
    i++;
  }
  ranges.forEach((r, j) => {
    if (accs[j].size !== r.end - r.start) throw new Error(`the log ended after ${i} leaves; the proof needs ${end}`);
  });
  return accs.map((a) => a.root());
}

/** RFC 9162 §2.1.3.2: does `path` prove that the leaf with this hash is leaf `index` of the tree with this root? */
export function verifyInclusion(leafHashValue: Buffer, index: number, size: number, path: readonly Buffer[], root: Buffer): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHashValue;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (first, firstRoot) is a prefix of (second, secondRoot)? */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (!(first > 0 && first < second) || proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
