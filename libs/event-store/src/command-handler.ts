import type { Decider, DomainEvent } from '#domain';
import { WrongExpectedRevision, type EventMetadata, type EventStore, type NewEvent } from './event-store.port.js';
import type { Position } from './position.js';

export interface CommandMetadata {
  actor: EventMetadata['actor'];
  correlationId: string;
  causationId: string;
  occurredAt: string;
}

export interface HandleOptions {
  /** The revision the client last saw (If-Match). Without it, a race is retried on fresh state. */
  expectedRevision?: bigint;
  metadata: CommandMetadata;
  newEventId: () => string;
  schemaVersion?: number;
}

export interface HandleResult<S, E> {
  events: E[];
  /** -1n: the stream still does not exist (the command decided nothing). */
  nextRevision: bigint;
  position: Position | null;
  state: S;
}

const RETRIES = 5;

/**
 * The one way a command changes state: read the stream, fold evolve, decide, append with the
 * revision read. A command that decides nothing appends nothing.
 */
export async function handleCommand<S, C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamName: string,
  command: C,
  options: HandleOptions,
): Promise<HandleResult<S, E>> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamName);
    const state = history.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
    const current = history.length ? history[history.length - 1].streamRevision : -1n;
    if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
      throw new WrongExpectedRevision(streamName, options.expectedRevision, current);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) {
      return { events, nextRevision: current, position: history.length ? history[history.length - 1].position : null, state };
    }
    const toAppend: NewEvent[] = events.map((e) => ({
      id: options.newEventId(),
      type: e.type,
      data: e.data,
      metadata: { ...options.metadata, schemaVersion: options.schemaVersion ?? 1 },
    }));
    try {
      const result = await store.appendToStream(streamName, toAppend, { expectedRevision: current === -1n ? 'no_stream' : current });
      return { events, nextRevision: result.nextRevision, position: result.position, state: events.reduce(decider.evolve, state) };
    } catch (error) {
      const retry = error instanceof WrongExpectedRevision && options.expectedRevision === undefined && attempt < RETRIES;
      if (!retry) throw error;
    }
  }
}
