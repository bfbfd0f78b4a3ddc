import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { NewEvent } from './event-store.port.js';

/**
 * The canonical body of an event (RFC 8785 JSON): what the chain hash covers besides the
 * stream, revision and previous hash. Key order and whitespace never change the hash.
 */
export function canonicalEventBody(event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>): string {
  const body = canonicalize({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
  if (body === undefined) throw new TypeError(`event ${event.id} cannot be canonicalised`);
  return body;
}

/** sha256(prevHash \n stream \n revision \n body), hex. Postgres computes the same in SQL. */
export function chainHash(prevHash: string, streamName: string, revision: bigint, body: string): string {
  return createHash('sha256').update(`${prevHash}\n${streamName}\n${revision}\n${body}`, 'utf8').digest('hex');
}
