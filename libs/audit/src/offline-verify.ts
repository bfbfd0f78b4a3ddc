import { createPublicKey } from 'node:crypto';
import { checkpointSignatureProblem, headsDigest, type CheckpointFile } from './checkpoint.js';
import { LogVerifier, type VerifyReport } from './log-verifier.js';
import { consistencyRanges, inclusionRanges, rangeHashes, verifyConsistency, verifyInclusion } from './merkle.js';
import { problem } from './problems.js';
import type { TrailEvent } from './trail-event.js';

export interface OfflineResult extends VerifyReport {
  /** For each pair of consecutive checkpoints: the later extends the earlier (RFC 9162 consistency proof, built from the export and checked). */
  consistency: { from: string; to: string; fromSize: number; toSize: number; proven: boolean }[];
  /** Each checkpoint's last event proven included under its root (a spot check of the proof path). */
  inclusion: { checkpoint: string; leafIndex: number; proven: boolean }[];
}

/**
 * The auditor's check, with no database: the checkpoints they kept (signature, heads digest), and
 * an export of the whole log from its start. Every event's hash and chain are recomputed, the
 * tree is rebuilt, each checkpoint's root and heads compared, and consecutive checkpoints shown
 * consistent with RFC 9162 proofs made from the export and checked by the RFC's algorithm.
 */
export async function verifyOffline(files: readonly CheckpointFile[], lines: AsyncIterable<string> | Iterable<string>, options: { publicKeyPem?: string } = {}): Promise<OfflineResult> {
  const sorted = [...files].sort((a, b) => a.checkpoint.size - b.checkpoint.size);
  const verifier = new LogVerifier(
    sorted.map((f) => ({ id: f.id, size: f.checkpoint.size, rootHash: f.checkpoint.rootHash, heads: f.heads })),
    { keepLeafHashes: true },
  );
  for (const f of sorted) {
    let why: string | null;
    try {
      why = checkpointSignatureProblem(f, createPublicKey(options.publicKeyPem ?? f.publicKey));
    } catch (error) {
      why = (error as Error).message;
    }
    if (!why && headsDigest(f.heads) !== f.checkpoint.headsDigest) why = 'the heads in the file are not the ones signed';
    if (why) verifier.report(problem.signatureInvalid(f.id, why));
  }
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let e: TrailEvent;
    try {
      e = JSON.parse(line) as TrailEvent;
      if (typeof e !== 'object' || e === null || typeof e.streamName !== 'string' || typeof e.hash !== 'string') throw new Error('not an event of the audit trail');
    } catch (error) {
      verifier.report(problem.malformedLine(n, (error as Error).message));
      continue;
    }
    verifier.add(e);
  }
  const report = verifier.finish();
  const leaves = verifier.leafHashes!;
  const consistency: OfflineResult['consistency'] = [];
  const inclusion: OfflineResult['inclusion'] = [];
  for (const f of sorted) {
    const size = f.checkpoint.size;
    if (size === 0 || size > leaves.length) continue;
    const path = await rangeHashes(inclusionRanges(size - 1, size), leaves);
    inclusion.push({ checkpoint: f.id, leafIndex: size - 1, proven: verifyInclusion(leaves[size - 1], size - 1, size, path, Buffer.from(f.checkpoint.rootHash, 'hex')) });
  }
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1].checkpoint, sorted[i].checkpoint];
    let proven = false;
    if (a.size > 0 && b.size <= leaves.length && a.size <= b.size) {
      const proof = await rangeHashes(consistencyRanges(a.size, b.size), leaves);
      proven = verifyConsistency(a.size, b.size, Buffer.from(a.rootHash, 'hex'), Buffer.from(b.rootHash, 'hex'), proof);
    }
    consistency.push({ from: sorted[i - 1].id, to: sorted[i].id, fromSize: a.size, toSize: b.size, proven });
  }
  const ok = report.ok && inclusion.every((x) => x.proven) && consistency.every((x) => x.proven);
  return { ...report, ok, consistency, inclusion };
}
