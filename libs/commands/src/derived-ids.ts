import { createHash } from 'node:crypto';

/** This system's namespace for name-based ids (RFC 9562 §5.5); any fixed UUID would do. */
export const CASEWORK_NAMESPACE = '3c9f6b52-8a41-4e0b-9d5e-1f2a7c4b6e10';

/**
 * A name-based UUID (version 5, SHA-1): the same name always gives the same id. A command sent
 * again with the same Idempotency-Key derives the same record and event ids as the first time.
 */
export function uuidV5(name: string, namespace: string = CASEWORK_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
