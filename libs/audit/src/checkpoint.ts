import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StreamHead } from './log-verifier.js';

/** What the system signs: how much of the log, its Merkle root, a digest of every stream's head, when. */
export interface CheckpointBody {
  /** The format of this statement. */
  version: 1;
  /** The last event's global position covered ("<tx>:<seq>"; "0:0" for an empty log). */
  position: string;
  /** How many events (leaves) the tree holds. */
  size: number;
  /** RFC 6962 root over the first `size` events in log order, hex. */
  rootHash: string;
  /** SHA-256 over the canonical list of every stream's head at that size (see headsDigest). */
  headsDigest: string;
  signedAt: string;
}

export interface SignedCheckpoint {
  id: string;
  checkpoint: CheckpointBody;
  /** Ed25519 over the RFC 8785 canonical JSON of `checkpoint`, base64. */
  signature: string;
  /** SHA-256 of the public key (SPKI DER), hex: which key signed. */
  keyId: string;
}

/** The file an auditor keeps outside the system: the signed checkpoint, the public key, and the heads it digests. */
export interface CheckpointFile extends SignedCheckpoint {
  publicKey: string;
  heads: StreamHead[];
}

/** The bytes an audit signature covers: the statement as RFC 8785 canonical JSON (checkpoints and snapshots alike). */
export function signedBytes(body: object): Buffer {
  return Buffer.from(canonicalize(body)!, 'utf8');
}

/** The heads in stream-name order (code-point order, as the canonical JSON sorts), digested. */
export function headsDigest(heads: readonly StreamHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0));
  const hash = createHash('sha256');
  for (const h of sorted) hash.update(canonicalize({ e: h.eventId, h: h.hash, r: h.revision, s: h.streamName })!, 'utf8').update('\n');
  return hash.digest('hex');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** An Ed25519 private key from PEM (PKCS#8) or base64 of its DER; refuses any other kind of key. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----') ? createPrivateKey(trimmed) : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signCheckpoint(id: string, body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  const publicKey = createPublicKey(privateKey);
  return { id, checkpoint: body, signature: sign(null, signedBytes(body), privateKey).toString('base64'), keyId: keyIdOf(publicKey) };
}

/** Null when the signature holds for this key; else why not. */
export function checkpointSignatureProblem(cp: SignedCheckpoint, publicKey: KeyObject): string | null {
  if (publicKey.asymmetricKeyType !== 'ed25519') return 'the public key is not an Ed25519 key';
  if (keyIdOf(publicKey) !== cp.keyId) return `it names key ${cp.keyId.slice(0, 16)}…, not the key given (${keyIdOf(publicKey).slice(0, 16)}…)`;
  try {
    return verify(null, signedBytes(cp.checkpoint), publicKey, Buffer.from(cp.signature, 'base64')) ? null : 'the signature does not match the statement';
  } catch (error) {
    return (error as Error).message;
  }
}
