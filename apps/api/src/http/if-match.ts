import type { Request } from 'express';
import { RequestValidationError } from './problem.js';

/** If-Match: "<revision>" (an ETag we handed out), parsed to the expected stream revision; part of a command's metadata. */
export function ifMatchRevisionOf(req: Request): bigint | undefined {
  const header = req.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(\d{1,18})"?$/.exec(header.trim());
  if (!m) throw new RequestValidationError([{ field: 'If-Match', messages: [{ zh: '须为记录的 ETag，例如 "3"', en: 'must be the ETag of the record, e.g. "3"' }] }]);
  return BigInt(m[1]);
}

export function etagOf(revision: bigint | string | number): string {
  return `"${revision}"`;
}
