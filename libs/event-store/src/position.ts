/**
 * A global log position: the writing transaction and the row's sequence number, "tx:seq".
 * Postgres readers order by exactly this pair and read only transactions below the oldest
 * one still running, so a checkpoint taken from it never has anything appear behind it.
 */
export type Position = string & { readonly __position: unique symbol };

export const START: Position = '0:0' as Position;

const FORMAT = /^(\d{1,20}):(\d{1,20})$/;

export function isPosition(value: string): value is Position {
  return FORMAT.test(value);
}

export function toPosition(tx: bigint | string, seq: bigint | string): Position {
  return `${tx}:${seq}` as Position;
}

export function parsePosition(value: string): { tx: bigint; seq: bigint } {
  const m = FORMAT.exec(value);
  if (!m) throw new TypeError(`not a log position: ${JSON.stringify(value)} (expected "<tx>:<seq>")`);
  return { tx: BigInt(m[1]), seq: BigInt(m[2]) };
}

export function comparePositions(a: string, b: string): -1 | 0 | 1 {
  const x = parsePosition(a);
  const y = parsePosition(b);
  if (x.tx !== y.tx) return x.tx < y.tx ? -1 : 1;
  if (x.seq !== y.seq) return x.seq < y.seq ? -1 : 1;
  return 0;
}
