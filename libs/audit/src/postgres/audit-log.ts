import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import type pg from 'pg';
import { comparePositions, parsePosition, toPosition } from '#event-store';
import { checkpointSignatureProblem, headsDigest, publicKeyPem, signCheckpoint, type CheckpointBody, type CheckpointFile, type SignedCheckpoint } from '../checkpoint.js';
import { LogVerifier, type AnchoredLeaf, type StreamHead, type VerifyReport } from '../log-verifier.js';
import { consistencyRanges, inclusionRanges, leafHash, MerkleAccumulator, rangeHashes } from '../merkle.js';
import { problem, type AuditProblem } from '../problems.js';
import { leafOf, recomputeHash } from '../trail-event.js';
import { readLeaves, readTrail, VISIBLE } from './log-reader.js';

/** The log holds something a checkpoint must not sign: the first event that does not match. */
export class LogNotIntact extends Error {
  constructor(readonly problem: AuditProblem) {
    super(problem.message.en);
    this.name = 'LogNotIntact';
  }
}

export interface StoredCheckpoint extends SignedCheckpoint {
  publicKey: string;
  requestedBy: string;
}

interface CheckpointRow {
  id: string;
  body: CheckpointBody;
  signature: string;
  key_id: string;
  public_key: string;
  frontier: string[];
  requested_by: string;
}

const fromRow = (r: CheckpointRow): StoredCheckpoint => ({ id: r.id, checkpoint: r.body, signature: r.signature, keyId: r.key_id, publicKey: r.public_key, requestedBy: r.requested_by });

export interface InclusionProof {
  eventId: string;
  streamName: string;
  revision: string;
  leafIndex: number;
  treeSize: number;
  /** The event's hash as anchored, and as the log holds it now. */
  eventHash: string;
  eventHashNow: string | null;
  leafHash: string;
  auditPath: string[];
  checkpoint: StoredCheckpoint;
}

export interface ConsistencyProof {
  from: StoredCheckpoint;
  to: StoredCheckpoint;
  proof: string[];
}

export type Progress = (eventsChecked: number) => void;

/**
 * The audit's view of the PostgreSQL log: anchors events under signed checkpoints, verifies
 * the whole log (or one stream) against its own hashes, chains, the anchored leaves and every
 * checkpoint's root, and makes inclusion and consistency proofs.
 */
export class AuditLog {
  constructor(readonly pool: pg.Pool) {}

  /**
   * Anchors every event since the last checkpoint (refusing a log whose new events do not
   * match their own hashes or chains), then signs the new tree head. With `onlyIfGrown`, signs
   * nothing when no event arrived since the last checkpoint (the periodic run).
   */
  async checkpoint(key: KeyObject, now: Date, requestedBy: string, options: { onlyIfGrown?: boolean } = {}): Promise<StoredCheckpoint | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('audit_checkpoint'))`);
      const { rows: lastRows } = await client.query<CheckpointRow>(`SELECT * FROM audit_checkpoints ORDER BY size DESC, signed_at DESC LIMIT 1`);
      const last = lastRows[0];
      const size = last ? last.body.size : 0;
      const tree = last ? MerkleAccumulator.resume(size, last.frontier.map((h) => Buffer.from(h, 'hex'))) : new MerkleAccumulator();
      let position = last ? last.body.position : '0:0';
      const heads = new Map<string, StreamHead | null>();
      const anchor = async (through: string, onlySettled: boolean) => {
        if (through === '0:0' || comparePositions(through, position) <= 0) return;
        let batch: { tx: string; seq: string; leafIndex: number; id: string; stream: string; revision: string; hash: string }[] = [];
        const flush = async () => {
          if (!batch.length) return;
          await client.query(
            `INSERT INTO audit_leaves (leaf_index, tx_id, seq, event_id, stream_name, stream_revision, hash)
             SELECT * FROM unnest($1::bigint[], $2::text[]::xid8[], $3::bigint[], $4::uuid[], $5::text[], $6::bigint[], $7::text[])`,
            [batch.map((b) => b.leafIndex), batch.map((b) => b.tx), batch.map((b) => b.seq), batch.map((b) => b.id), batch.map((b) => b.stream), batch.map((b) => b.revision), batch.map((b) => b.hash)],
          );
          batch = [];
        };
        // On the transaction's own connection: while appends wait for the lock, the pool may have no other one free.
        for await (const e of readTrail(client, { afterPosition: position, throughPosition: through, batchSize: 5000, onlySettled })) {
          const where = { streamName: e.streamName, revision: e.revision, eventId: e.id, position: e.position, leafIndex: tree.size };
          if (recomputeHash(e) !== e.hash) throw new LogNotIntact(problem.hashMismatch(where));
          if (!heads.has(e.streamName)) {
            const { rows } = await client.query<{ stream_revision: string; event_id: string; hash: string }>(`SELECT stream_revision, event_id, hash FROM audit_heads WHERE stream_name = $1`, [e.streamName]);
            heads.set(e.streamName, rows[0] ? { streamName: e.streamName, revision: rows[0].stream_revision, eventId: rows[0].event_id, hash: rows[0].hash } : null);
          }
          const prev = heads.get(e.streamName) ?? null;
          const expected = prev ? BigInt(prev.revision) + 1n : 0n;
          if (BigInt(e.revision) !== expected) throw new LogNotIntact(problem.revisionGap(where, String(expected)));
          if (e.prevHash !== (prev?.hash ?? '')) throw new LogNotIntact(problem.chainBroken(where));
          heads.set(e.streamName, { streamName: e.streamName, revision: e.revision, eventId: e.id, hash: e.hash });
          const { tx, seq } = parsePosition(e.position);
          batch.push({ tx: String(tx), seq: String(seq), leafIndex: tree.size, id: e.id, stream: e.streamName, revision: e.revision, hash: e.hash });
          tree.push(leafOf(e.hash));
          position = e.position;
          if (batch.length >= 5000) await flush();
        }
        await flush();
      };
      // First, without holding anyone up, what no running transaction can still precede; then,
      // with appends paused for a moment (an append is one statement: one that waits gets its
      // transaction id after this commits, so it can never land behind an anchored event), the rest.
      await anchor(await this.head(client, true), true);
      await client.query('LOCK TABLE es_events IN SHARE ROW EXCLUSIVE MODE');
      await anchor(await this.head(client, false), false);
      const changed = [...heads.values()].filter((h): h is StreamHead => h !== null);
      for (let i = 0; i < changed.length; i += 5000) {
        const part = changed.slice(i, i + 5000);
        await client.query(
          `INSERT INTO audit_heads (stream_name, stream_revision, event_id, hash)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[])
           ON CONFLICT (stream_name) DO UPDATE SET stream_revision = excluded.stream_revision, event_id = excluded.event_id, hash = excluded.hash`,
          [part.map((h) => h.streamName), part.map((h) => h.revision), part.map((h) => h.eventId), part.map((h) => h.hash)],
        );
      }
      if (options.onlyIfGrown && last && tree.size === size) {
        await client.query('ROLLBACK');
        return null;
      }
      const body: CheckpointBody = {
        version: 1,
        position,
        size: tree.size,
        rootHash: tree.root().toString('hex'),
        headsDigest: headsDigest(await this.headsIn(client)),
        signedAt: now.toISOString(),
      };
      const signed = signCheckpoint(randomUUID(), body, key);
      const pem = publicKeyPem(createPublicKey(key));
      await client.query(
        `INSERT INTO audit_checkpoints (id, size, position, root_hash, heads_digest, signed_at, body, signature, key_id, public_key, frontier, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [signed.id, body.size, body.position, body.rootHash, body.headsDigest, body.signedAt, body, signed.signature, signed.keyId, pem, JSON.stringify(tree.frontier().map((b) => b.toString('hex'))), requestedBy],
      );
      await client.query('COMMIT');
      return { ...signed, publicKey: pem, requestedBy };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async head(client: pg.PoolClient, onlySettled: boolean): Promise<string> {
    const { rows } = await client.query<{ tx: string; seq: string }>(`SELECT tx_id::text AS tx, seq FROM es_events WHERE ${onlySettled ? VISIBLE : 'true'} ORDER BY tx_id DESC, seq DESC LIMIT 1`);
    return rows[0] ? toPosition(rows[0].tx, rows[0].seq) : '0:0';
  }

  private async headsIn(client: pg.PoolClient | pg.Pool): Promise<StreamHead[]> {
    const { rows } = await client.query<{ stream_name: string; stream_revision: string; event_id: string; hash: string }>(
      `SELECT stream_name, stream_revision, event_id, hash FROM audit_heads`,
    );
    return rows.map((r) => ({ streamName: r.stream_name, revision: r.stream_revision, eventId: r.event_id, hash: r.hash }));
  }

  /** The signed checkpoints, newest first (at most `limit`). */
  async checkpoints(limit = 100): Promise<StoredCheckpoint[]> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT * FROM audit_checkpoints ORDER BY size DESC, signed_at DESC LIMIT $1`, [limit]);
    return rows.map(fromRow);
  }

  async findCheckpoint(id: string): Promise<StoredCheckpoint | null> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT * FROM audit_checkpoints WHERE id = $1`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** The file an auditor keeps: the signed checkpoint, its public key, and the heads it digests (from the anchored leaves). */
  async checkpointFile(cp: StoredCheckpoint): Promise<CheckpointFile> {
    const { rows } = await this.pool.query<{ stream_name: string; stream_revision: string; event_id: string; hash: string }>(
      `SELECT DISTINCT ON (stream_name) stream_name, stream_revision, event_id, hash FROM audit_leaves
       WHERE leaf_index < $1 ORDER BY stream_name, stream_revision DESC`,
      [cp.checkpoint.size],
    );
    const heads = rows.map((r) => ({ streamName: r.stream_name, revision: r.stream_revision, eventId: r.event_id, hash: r.hash }));
    return { id: cp.id, checkpoint: cp.checkpoint, signature: cp.signature, keyId: cp.keyId, publicKey: cp.publicKey, heads };
  }

  /**
   * The whole log in order (or one stream): each event's hash recomputed, each chain followed,
   * each anchored leaf compared, each checkpoint's signature and root checked. Names the first
   * stream, revision and event that does not match.
   */
  async verify(options: { stream?: string; onProgress?: Progress; progressEvery?: number; maxProblems?: number } = {}): Promise<VerifyReport> {
    const every = options.progressEvery ?? 100_000;
    const stored = await this.checkpointsAscending();
    if (options.stream !== undefined) return this.verifyStream(options.stream, stored, options.maxProblems);
    const verifier = new LogVerifier(
      stored.map((c) => ({ id: c.id, size: c.checkpoint.size, rootHash: c.checkpoint.rootHash })),
      { maxProblems: options.maxProblems },
    );
    this.checkSignatures(stored, verifier);
    const anchored = readLeaves(this.pool)[Symbol.asyncIterator]();
    let aligned = true;
    let next = await anchored.next();
    for await (const e of readTrail(this.pool, { batchSize: 5000 })) {
      let leaf: AnchoredLeaf | undefined;
      if (aligned && !next.done) {
        leaf = next.value;
        if (leaf.eventId !== e.id) {
          aligned = false;
          const { rows } = await this.pool.query(`SELECT 1 FROM es_events WHERE event_id = $1`, [leaf.eventId]);
          const w = rows.length ? { streamName: e.streamName, revision: e.revision, eventId: e.id, position: e.position, leafIndex: verifier.size } : { ...leaf };
          verifier.report(rows.length ? problem.notAnchored(w) : problem.anchoredEventMissing(w));
          leaf = undefined;
        } else {
          next = await anchored.next();
        }
      }
      verifier.add(e, leaf);
      if (options.onProgress && verifier.size % every === 0) options.onProgress(verifier.size);
    }
    if (aligned && !next.done) verifier.report(problem.anchoredEventMissing(next.value));
    await anchored.return?.(undefined);
    return verifier.finish();
  }

  private async verifyStream(stream: string, stored: StoredCheckpoint[], maxProblems?: number): Promise<VerifyReport> {
    const verifier = new LogVerifier([], { maxProblems });
    this.checkSignatures(stored, verifier);
    const anchored = new Map<string, AnchoredLeaf>();
    for await (const leaf of readLeaves(this.pool, { stream })) anchored.set(leaf.revision, leaf);
    for await (const e of readTrail(this.pool, { stream })) {
      const leaf = anchored.get(e.revision);
      anchored.delete(e.revision);
      if (leaf && leaf.eventId !== e.id) verifier.report(problem.notAnchored({ streamName: e.streamName, revision: e.revision, eventId: e.id, position: e.position }));
      verifier.add(e, leaf);
    }
    for (const leaf of anchored.values()) verifier.report(problem.anchoredEventMissing(leaf));
    const report = verifier.finish();
    return { ...report, rootHash: '' };
  }

  private checkSignatures(stored: StoredCheckpoint[], verifier: LogVerifier): void {
    for (const c of stored) {
      const why = checkpointSignatureProblem(c, createPublicKey(c.publicKey));
      if (why) verifier.report(problem.signatureInvalid(c.id, why));
    }
  }

  private async checkpointsAscending(): Promise<StoredCheckpoint[]> {
    const { rows } = await this.pool.query<CheckpointRow>(`SELECT * FROM audit_checkpoints ORDER BY size, signed_at`);
    return rows.map(fromRow);
  }

  private leafHashes(size: number): AsyncIterable<Buffer> {
    const pool = this.pool;
    return (async function* () {
      for await (const l of readLeaves(pool, { toIndex: size, batchSize: 10_000 })) yield leafHash(leafOf(l.hash));
    })();
  }

  /** The audit path of an event under a checkpoint (the latest when none is named); null when the event or checkpoint is unknown or not covered. */
  async inclusionProof(eventId: string, checkpointId?: string): Promise<InclusionProof | 'no_event' | 'no_checkpoint' | 'not_covered'> {
    const cp = checkpointId ? await this.findCheckpoint(checkpointId) : (await this.checkpoints(1))[0];
    if (!cp) return 'no_checkpoint';
    const { rows } = await this.pool.query<{ leaf_index: string; stream_name: string; stream_revision: string; hash: string }>(
      `SELECT leaf_index, stream_name, stream_revision, hash FROM audit_leaves WHERE event_id = $1`,
      [eventId],
    );
    const { rows: now } = await this.pool.query<{ hash: string }>(`SELECT hash FROM es_events WHERE event_id = $1`, [eventId]);
    if (!rows[0]) return now[0] ? 'not_covered' : 'no_event';
    const index = Number(rows[0].leaf_index);
    const size = cp.checkpoint.size;
    if (index >= size) return 'not_covered';
    const path = await rangeHashes(inclusionRanges(index, size), this.leafHashes(size));
    return {
      eventId,
      streamName: rows[0].stream_name,
      revision: rows[0].stream_revision,
      leafIndex: index,
      treeSize: size,
      eventHash: rows[0].hash,
      eventHashNow: now[0]?.hash ?? null,
      leafHash: leafHash(leafOf(rows[0].hash)).toString('hex'),
      auditPath: path.map((b) => b.toString('hex')),
      checkpoint: cp,
    };
  }

  /** The RFC 9162 proof that checkpoint `to` extends checkpoint `from`. */
  async consistencyProof(fromId: string, toId: string): Promise<ConsistencyProof | 'no_checkpoint' | 'not_later'> {
    const [from, to] = await Promise.all([this.findCheckpoint(fromId), this.findCheckpoint(toId)]);
    if (!from || !to) return 'no_checkpoint';
    const [m, n] = [from.checkpoint.size, to.checkpoint.size];
    if (m > n) return 'not_later';
    const proof = m === 0 || m === n ? [] : await rangeHashes(consistencyRanges(m, n), this.leafHashes(n));
    return { from, to, proof: proof.map((b) => b.toString('hex')) };
  }
}
