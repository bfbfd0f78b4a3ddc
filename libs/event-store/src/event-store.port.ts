import type { Position } from './position.js';

/** Who did it, why and when: carried by every stored event. */
export interface EventMetadata {
  actor: { staffId: string; role: string };
  correlationId: string;
  causationId: string;
  /** ISO-8601 instant the change happened (the command's time, not the storage time). */
  occurredAt: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  streamName: string;
  streamRevision: bigint;
  /** Opaque, ordered token; the same kind the projectors checkpoint by. */
  position: Position;
  recordedAt: Date;
  hash: string;
  prevHash: string;
}

export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | bigint;

export interface AppendResult {
  nextRevision: bigint;
  position: Position;
}

export interface ReadStreamOptions {
  fromRevision?: bigint;
  /** Only events recorded at or before this instant: "as of" replays. */
  untilRecordedAt?: Date;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. */
  fromPosition?: Position;
  limit?: number;
}

export interface SubscribeOptions {
  fromPosition?: Position;
  batchSize?: number;
  signal?: AbortSignal;
}

/** A write still open in the store: readers cannot pass it until it ends. */
export interface OpenWrite {
  pid: number;
  ageSeconds: number;
  query: string;
}

/**
 * What an operator asks of a store that can tell: optional, so an adapter that cannot answer
 * (in memory) leaves it out and callers fall back to reading.
 */
export interface EventStoreDiagnostics {
  /** The oldest write still open; null when none is. */
  oldestOpenWrite(): Promise<OpenWrite | null>;
  /** How many events (at most `cap`) a reader at `position` has still to read, and the oldest one's time. */
  eventsAfter(position: Position, cap: number): Promise<{ count: number; oldestRecordedAt: Date | null }>;
}

export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from `fromPosition`, then goes live; ends when `signal` aborts. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** The last position a reader may safely see now. */
  headPosition(): Promise<Position>;
  readonly diagnostics?: EventStoreDiagnostics;
  close(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** -1n when the stream does not exist. */
    readonly actual: bigint,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual === -1n ? 'no stream' : actual}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** An event id reused for different content, or in another stream: a client bug, never a retry. */
export class EventIdConflict extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} was already used for a different event`);
    this.name = 'EventIdConflict';
  }
}

export function expectedRevisionMatches(expected: ExpectedRevision, actual: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1n;
  if (expected === 'exists') return actual >= 0n;
  return actual === expected;
}
