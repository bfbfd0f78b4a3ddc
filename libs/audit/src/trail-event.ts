import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * One event as the audit trail carries it (a line of the JSON Lines export, a row the verifier
 * reads): everything its hash covers, where it sits in the log, and who did it.
 */
export interface TrailEvent {
  /** Global position "<tx>:<seq>"; the log's (and the Merkle tree's) order. */
  position: string;
  streamName: string;
  /** The stream revision, as a decimal string (a bigint in the store). */
  revision: string;
  id: string;
  type: string;
  data: unknown;
  metadata: { actor?: { staffId: string; role: string }; [key: string]: unknown };
  recordedAt: string;
  hash: string;
  prevHash: string;
}

/** What the stored hash should be, recomputed from the event's own content and its predecessor's hash. */
export function recomputeHash(e: Pick<TrailEvent, 'streamName' | 'revision' | 'id' | 'type' | 'data' | 'metadata' | 'prevHash'>): string {
  const body = canonicalJson({ id: e.id, type: e.type, data: e.data, metadata: e.metadata });
  // The store's chainHash, in one call (no Hash object per event): sha256(prevHash \n stream \n revision \n body), hex.
  return hash('sha256', `${e.prevHash}\n${e.streamName}\n${BigInt(e.revision)}\n${body}`);
}

/**
 * The Merkle tree's leaf for an event: its stored chain hash (32 bytes). That hash already covers
 * the stream, the revision, the content and the previous event's hash, and every verification
 * recomputes it from the content, so the leaf cannot drift from what the event says.
 */
export function leafOf(hash: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(hash)) return Buffer.from(hash, 'utf8'); // a malformed stored hash still makes a (wrong) leaf
  return Buffer.from(hash, 'hex');
}
