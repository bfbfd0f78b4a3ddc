import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Bilingual } from '#domain';
import { keyIdOf, signedBytes } from './checkpoint.js';

/**
 * What a replay snapshot claims: the state of `stream` folded from its events 0..`revision`
 * (the event `eventId` with hash `eventHash`, at log position `position`, the last of them),
 * and the SHA-256 of the state as stored (its JSON, deflated: a large fund's 20 MB of JSON is
 * 1.3 MB, read and inflated faster than the database reads and decompresses it). Signed with the audit's Ed25519 key, so that
 * nobody who can write to the database can change a snapshot's state, or move it to another
 * stream or revision, without the replay noticing.
 */
export interface SnapshotBody {
  version: 1;
  kind: string;
  /** The aggregate's state shape (AuditedAggregate.stateVersion). */
  stateVersion: number;
  stream: string;
  revision: string;
  position: string;
  eventId: string;
  eventHash: string;
  /** The event's own recorded time, and the latest recorded time of all the events covered (as-of by instant). */
  eventRecordedAt: string;
  coveredUntil: string;
  stateHash: string;
  takenAt: string;
}

export interface SignedSnapshot {
  body: SnapshotBody;
  /** The state's JSON, deflated, as hashed. */
  state: Buffer;
  signature: string;
  keyId: string;
}

export const stateHashOf = (stored: Buffer): string => createHash('sha256').update(stored).digest('hex');

/**
 * The state as a snapshot keeps it: its JSON, raw deflate at level 1 (inflating is what a replay
 * waits for; no gzip header or CRC: the signed SHA-256 of the stored bytes is checked first).
 */
export const packState = (json: unknown): Buffer => deflateRawSync(JSON.stringify(json), { level: constants.Z_BEST_SPEED });
export const unpackState = (stored: Buffer): unknown => JSON.parse(inflateRawSync(stored).toString('utf8'));


export function signSnapshot(body: Omit<SnapshotBody, 'version' | 'stateHash'>, state: Buffer, privateKey: KeyObject): SignedSnapshot {
  const full: SnapshotBody = { version: 1, ...body, stateHash: stateHashOf(state) };
  return { body: full, state, signature: sign(null, signedBytes(full), privateKey).toString('base64'), keyId: keyIdOf(createPublicKey(privateKey)) };
}

/**
 * Why a stored snapshot cannot be used, or null when it can: signed by this key, its state
 * what was signed, and for the stream and revision asked for. Whether its last event still
 * stands in the chain is the replay's to check against the log.
 */
export function snapshotProblem(s: SignedSnapshot, expected: { kind: string; stateVersion: number; stream: string; revision: string }, publicKey: KeyObject): Bilingual | null {
  if (s.keyId !== keyIdOf(publicKey)) return { zh: '快照由另一把密钥签名', en: 'the snapshot was signed by another key' };
  let signed = false;
  try {
    signed = verify(null, signedBytes(s.body), publicKey, Buffer.from(s.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return { zh: '快照的签名与其内容不符', en: 'the snapshot’s signature does not match what it states' };
  if (s.body.version !== 1 || s.body.kind !== expected.kind || s.body.stateVersion !== expected.stateVersion || s.body.stream !== expected.stream || s.body.revision !== expected.revision) {
    return { zh: '快照签名的是另一条记录或另一版本', en: 'the snapshot was signed for another record or revision' };
  }
  if (stateHashOf(s.state) !== s.body.stateHash) return { zh: '快照保存的状态已被改动', en: 'the snapshot’s stored state was changed after it was signed' };
  return null;
}
