import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  consistencyRanges,
  EMPTY_ROOT,
  inclusionRanges,
  MerkleAccumulator,
  rangeHashes,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// The reference: RFC 6962 §2.1 written out as literally as it reads, recursion and all.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
function MTH(D: Buffer[]): Buffer {
  if (D.length === 0) return sha();
  if (D.length === 1) return sha(Buffer.from([0]), D[0]);
  let k = 1;
  while (k * 2 < D.length) k *= 2;
  return sha(Buffer.from([1]), MTH(D.slice(0, k)), MTH(D.slice(k)));
}
function PATH(m: number, D: Buffer[]): Buffer[] {
  if (D.length === 1) return [];
  let k = 1;
  while (k * 2 < D.length) k *= 2;
  return m < k ? [...PATH(m, D.slice(0, k)), MTH(D.slice(k))] : [...PATH(m - k, D.slice(k)), MTH(D.slice(0, k))];
}
function SUBPROOF(m: number, D: Buffer[], b: boolean): Buffer[] {
  if (m === D.length) return b ? [] : [MTH(D)];
  let k = 1;
  while (k * 2 < D.length) k *= 2;
  return m <= k ? [...SUBPROOF(m, D.slice(0, k), b), MTH(D.slice(k))] : [...SUBPROOF(m - k, D.slice(k), false), MTH(D.slice(0, k))];
}
const PROOF = (m: number, D: Buffer[]) => SUBPROOF(m, D, true);

const leaves = (n: number, salt = 'x') => Array.from({ length: n }, (_, i) => Buffer.from(`${salt}-${i}`));
const leafHashes = (D: Buffer[]) => D.map((d) => sha(Buffer.from([0]), d));
const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));

describe('the Merkle tree over the log (RFC 6962)', () => {
  it('has the RFC’s root for no leaves, and the reference root for every size up to 70', () => {
    expect(rootOf([]).equals(EMPTY_ROOT)).toBe(true);
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 70; n++) expect([n, rootOf(leaves(n)).toString('hex')]).toEqual([n, MTH(leaves(n)).toString('hex')]);
  });

  it('resumes from a saved frontier to the same root as one built at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
        const all = leaves(a + b);
        const first = new MerkleAccumulator();
        all.slice(0, a).forEach((l) => first.push(l));
        const resumed = MerkleAccumulator.resume(a, first.frontier());
        all.slice(a).forEach((l) => resumed.push(l));
        return resumed.root().equals(MTH(all)) && resumed.size === a + b;
      }),
    );
  });

  it('makes the reference’s audit paths, and they verify; another leaf, index or root does not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))), async ([n, m]) => {
        const D = leaves(n);
        const path = await rangeHashes(inclusionRanges(m, n), leafHashes(D));
        expect(hex(path)).toEqual(hex(PATH(m, D)));
        const root = MTH(D);
        const lh = leafHashes(D)[m];
        expect(verifyInclusion(lh, m, n, path, root)).toBe(true);
        expect(verifyInclusion(sha(Buffer.from('other')), m, n, path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(lh, (m + 1) % n, n, path, root)).toBe(false);
        expect(verifyInclusion(lh, m, n, path, MTH(leaves(n, 'y')))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('makes the reference’s consistency proofs, and they verify; a different history does not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))), async ([m, n]) => {
        const D = leaves(n);
        const proof = await rangeHashes(consistencyRanges(m, n), leafHashes(D));
        expect(hex(proof)).toEqual(hex(PROOF(m, D)));
        const [first, second] = [MTH(D.slice(0, m)), MTH(D)];
        expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
        // A rewritten first tree (one leaf changed) is not a prefix of the second.
        const rewritten = [...D.slice(0, m - 1), Buffer.from('forged')];
        expect(verifyConsistency(m, n, MTH(rewritten), second, proof)).toBe(false);
        if (m < n) expect(verifyConsistency(m, n, first, MTH([...D.slice(0, n - 1), Buffer.from('forged')]), proof)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a leaf outside the tree and a proof between sizes that do not grow', () => {
    expect(() => inclusionRanges(5, 5)).toThrow(RangeError);
    expect(() => consistencyRanges(0, 5)).toThrow(RangeError);
    expect(() => consistencyRanges(6, 5)).toThrow(RangeError);
    expect(verifyConsistency(3, 2, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])).toBe(false);
  });
});
