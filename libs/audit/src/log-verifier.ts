import { isPosition, parsePosition } from '#event-store';
import { MerkleAccumulator } from './merkle.js';
import { problem, type AuditProblem } from './problems.js';
import { leafOf, recomputeHash, type TrailEvent } from './trail-event.js';

/** A stream's last event: what a checkpoint records per stream, and what the chain check follows. */
export interface StreamHead {
  streamName: string;
  revision: string;
  eventId: string;
  hash: string;
}

/** What a signed checkpoint claims, as far as the verifier needs it. */
export interface CheckpointClaim {
  id: string;
  size: number;
  rootHash: string;
  /** The streams' heads at that size, when known (the auditor's checkpoint file carries them). */
  heads?: readonly StreamHead[];
}

/** An event as a signed checkpoint anchored it: the leaf at its index. */
export interface AnchoredLeaf {
  leafIndex: number;
  eventId: string;
  streamName: string;
  revision: string;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** The root over everything read. */
  rootHash: string;
  checkpointsChecked: { id: string; size: number; rootHash: string; recomputed: string | null; matches: boolean }[];
  /** The first problems found, in log order (at most `maxProblems`); the first is the first that does not match. */
  problems: AuditProblem[];
  truncated: boolean;
}

/**
 * Reads the log once, in order, with memory for one head per stream and O(log n) tree hashes:
 * recomputes each event's hash from its content, follows each stream's chain, builds the
 * Merkle tree and compares its root (and the streams' heads) at each checkpoint's size.
 * Used alike by the server (over PostgreSQL, with the anchored leaves) and offline (over an export).
 */
export class LogVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private readonly tree = new MerkleAccumulator();
  private readonly pending: CheckpointClaim[];
  private readonly checked: VerifyReport['checkpointsChecked'] = [];
  private readonly found: AuditProblem[] = [];
  private truncated = false;
  /** The last position in order, parsed once (the check runs per event). */
  private lastPosition: { tx: bigint; seq: bigint } | null = null;
  /** Leaf hashes kept for proofs offline (only when asked for). */
  readonly leafHashes: Buffer[] | null;

  constructor(
    checkpoints: readonly CheckpointClaim[] = [],
    private readonly options: { maxProblems?: number; keepLeafHashes?: boolean; expectWholeLog?: boolean; /** false: one stream's chain only, no tree (replays) */ tree?: boolean } = {},
  ) {
    this.pending = [...checkpoints].sort((a, b) => a.size - b.size);
    this.leafHashes = options.keepLeafHashes ? [] : null;
    this.settleCheckpoints();
  }

  /** Events added without a tree (tree: false). */
  private count = 0;

  get size(): number {
    return this.options.tree === false ? this.count : this.tree.size;
  }

  get problems(): readonly AuditProblem[] {
    return this.found;
  }

  /**
   * Continue a stream's chain from a head already established (a replay snapshot's last event),
   * instead of from its first event: one stream, no tree.
   */
  resumeFrom(head: StreamHead, position: string): void {
    this.heads.set(head.streamName, head);
    this.lastPosition = parsePosition(position);
  }

  report(problem: AuditProblem): void {
    if (this.found.length < (this.options.maxProblems ?? 20)) this.found.push(problem);
    else this.truncated = true;
  }

  /** The next event of the log; `anchored` is the leaf a checkpoint anchored at this index, if any. */
  add(e: TrailEvent, anchored?: AnchoredLeaf): void {
    const index = this.size;
    const where = { streamName: e.streamName, revision: e.revision, eventId: e.id, position: e.position, leafIndex: index };
    const position = isPosition(e.position) ? parsePosition(e.position) : null;
    const last = this.lastPosition;
    if (!position || (last !== null && (position.tx < last.tx || (position.tx === last.tx && position.seq <= last.seq)))) this.report(problem.outOfOrder(where));
    else this.lastPosition = position;

    let recomputed: string | null = null;
    try {
      recomputed = recomputeHash(e);
    } catch {
      recomputed = null;
    }
    if (recomputed !== e.hash) this.report(problem.hashMismatch(where));

    const head = this.heads.get(e.streamName);
    const expectedRevision = head ? BigInt(head.revision) + 1n : 0n;
    let revision: bigint | null = null;
    try {
      revision = BigInt(e.revision);
    } catch {
      revision = null;
    }
    if (revision === null || revision !== expectedRevision) {
      if (revision !== null && revision > expectedRevision && (head || this.options.expectWholeLog !== false)) this.report(problem.revisionGap(where, String(expectedRevision)));
      else this.report(problem.chainBroken(where));
    } else if (e.prevHash !== (head?.hash ?? '')) {
      this.report(problem.chainBroken(where));
    }
    if (anchored && anchored.hash !== e.hash && anchored.eventId === e.id) this.report(problem.differsFromAnchor(where));
    this.heads.set(e.streamName, { streamName: e.streamName, revision: e.revision, eventId: e.id, hash: e.hash });

    if (this.options.tree === false) {
      this.count++;
      return;
    }
    const leaf = leafOf(e.hash);
    if (this.leafHashes) {
      const acc = new MerkleAccumulator();
      acc.push(leaf);
      this.leafHashes.push(acc.root());
      this.tree.pushLeafHash(acc.root());
    } else {
      this.tree.push(leaf);
    }
    this.settleCheckpoints();
  }

  private settleCheckpoints(): void {
    while (this.pending.length && this.pending[0].size === this.tree.size) {
      const cp = this.pending.shift()!;
      const root = this.tree.root().toString('hex');
      const matches = root === cp.rootHash;
      this.checked.push({ id: cp.id, size: cp.size, rootHash: cp.rootHash, recomputed: root, matches });
      if (cp.heads) this.compareHeads(cp);
      if (!matches) this.report(problem.rootMismatch(cp.id, cp.size));
    }
  }

  private compareHeads(cp: CheckpointClaim): void {
    for (const h of cp.heads ?? []) {
      const now = this.heads.get(h.streamName);
      if (now && now.revision === h.revision && now.hash === h.hash && now.eventId === h.eventId) continue;
      const found = now ? `#${now.revision} (${now.eventId}, ${now.hash.slice(0, 12)}…)` : '—';
      this.report(problem.headMismatch({ ...h, checkpointId: cp.id }, found));
    }
  }

  finish(): VerifyReport {
    for (const cp of this.pending) {
      this.checked.push({ id: cp.id, size: cp.size, rootHash: cp.rootHash, recomputed: null, matches: false });
      if (cp.heads) this.compareHeads(cp);
      this.report(problem.rootMismatch(cp.id, cp.size));
    }
    this.pending.length = 0;
    return {
      ok: this.found.length === 0,
      eventsChecked: this.size,
      streamsChecked: this.heads.size,
      rootHash: this.tree.root().toString('hex'),
      checkpointsChecked: this.checked,
      problems: this.found,
      truncated: this.truncated,
    };
  }
}
