import type { Position } from './position.js';

/** A stream's folded state as of its revision: what the command loop would get by reading and folding it. */
export interface KnownStream<S> {
  state: S;
  /** -1n: the stream does not exist. */
  revision: bigint;
  /** The last event's position (null for a stream that does not exist). */
  position: Position | null;
}

interface Entry {
  decider: object;
  known: KnownStream<unknown>;
}

/**
 * The states the command loop last saw, per stream, so that the next command on a stream
 * needs no read: it decides on the known state and appends with the known revision. The
 * store checks that revision, so a state gone stale (another process wrote to the stream)
 * can never be appended after: the append is refused, the loop forgets the state, reads the
 * stream and decides again. Bounded: the least recently used streams are forgotten first.
 *
 * States are kept as `evolve` returned them and handed to `decide` again: a decider must never
 * change a state it was given (the domain's deciders build new states; their tests say so).
 */
export class StreamStates {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity = 1_000) {}

  get<S>(decider: object, stream: string): KnownStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.decider !== decider) return undefined;
    // Most recently used last.
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry.known as KnownStream<S>;
  }

  /** Keeps `known` unless a later revision of the stream is known already (a read that finished after a newer append). */
  set<S>(decider: object, stream: string, known: KnownStream<S>): void {
    const kept = this.entries.get(stream);
    if (kept && kept.decider === decider && kept.known.revision > known.revision) return;
    this.entries.delete(stream);
    this.entries.set(stream, { decider, known });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }

  get size(): number {
    return this.entries.size;
  }
}
