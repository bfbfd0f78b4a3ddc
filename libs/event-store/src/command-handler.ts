import { domainEventOf, foldEvents, requireStorableText, type Decider, type DomainEvent } from '#domain';
import { EventIdConflict, WrongExpectedRevision, type EventMetadata, type EventStore, type NewEvent, type RecordedEvent } from './event-store.port.js';
import type { Position } from './position.js';
import type { KnownStream, StreamStates } from './stream-states.js';

export interface CommandMetadata {
  actor: EventMetadata['actor'];
  correlationId: string;
  causationId: string;
  occurredAt: string;
}

export interface HandleOptions<S = unknown, E = unknown> {
  /** The revision the client last saw (If-Match). Without it, a race is retried on fresh state. */
  expectedRevision?: bigint;
  metadata: CommandMetadata;
  /**
   * The id of the command's `index`-th new event. When `idsRepeatOnRetry`, the same command sent
   * again (an Idempotency-Key retried after a crash) gets the same ids, so the loop finds the
   * first attempt's events in the stream and answers with them instead of deciding again.
   */
  eventId: (index: number) => string;
  idsRepeatOnRetry?: boolean;
  /** Runs after decide, before the append (e.g. reserving an ID number the events carry); a throw appends nothing. */
  beforeAppend?: (events: E[], state: S) => Promise<void>;
  /**
   * States known from earlier commands: a stream found here is not read; the append checks the
   * revision it was known at, and on a refusal the loop reads the stream and decides again.
   */
  states?: StreamStates;
  /**
   * The stream is named after an id made at random for this command, so it does not exist yet:
   * the loop decides on the initial state without reading (the append still checks 'no_stream').
   */
  newStream?: boolean;
  /** How long races without If-Match are retried, in ms (default 5 s). */
  retryForMs?: number;
  schemaVersion?: number;
}

export interface HandleResult<S, E> {
  events: E[];
  /** -1n: the stream still does not exist (the command decided nothing). */
  nextRevision: bigint;
  position: Position | null;
  state: S;
  /** The events were found in the stream, appended by an earlier attempt of the same command. */
  replayed?: boolean;
}

/**
 * Without If-Match, a command that kept losing the race for its stream for the whole retry
 * time. The client never named a revision, so the answer must not speak of one.
 */
export class StreamContended extends Error {
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`stream ${stream}: still changing after ${attempts} attempts; try again`);
    this.name = 'StreamContended';
  }
}

// Long enough that forty clerks writing to one case at once all get through on a busy machine; short
// enough that a client waiting for an answer is not left hanging.
const DEFAULT_RETRY_FOR_MS = 5_000;
const BACKOFF_BASE_MS = 2;
const BACKOFF_CAP_MS = 80;

/**
 * The one way a command changes state: read the stream, fold evolve, decide, append with the
 * revision read. A command that decides nothing appends nothing. A race lost without If-Match
 * is retried on fresh state, after a jittered pause, for a bounded time.
 */
export async function handleCommand<S, C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamName: string,
  command: C,
  options: HandleOptions<S, E>,
): Promise<HandleResult<S, E>> {
  const deadline = Date.now() + (options.retryForMs ?? DEFAULT_RETRY_FOR_MS);
  const states = options.states;
  // With ids derived from an Idempotency-Key the stream must be read: it may hold this command's events already.
  let mayAssume = !options.idsRepeatOnRetry;
  for (let attempt = 1; ; attempt++) {
    // A state not read for this command: known from the last command on the stream, or a new stream's.
    const assumed: KnownStream<S> | undefined = mayAssume
      ? (states?.get<S>(decider, streamName) ?? (options.newStream ? { state: decider.initialState(), revision: -1n, position: null } : undefined))
      : undefined;
    let state: S;
    let current: bigint;
    let lastPosition: Position | null;
    if (assumed) {
      ({ state, revision: current, position: lastPosition } = assumed);
    } else {
      const history = await store.readStream(streamName);
      if (options.idsRepeatOnRetry) {
        const replay = replayOf(decider, history, options.eventId);
        if (replay) return replay;
      }
      state = foldEvents(decider, history);
      current = history.length ? history[history.length - 1].streamRevision : -1n;
      lastPosition = history.length ? history[history.length - 1].position : null;
      states?.set(decider, streamName, { state, revision: current, position: lastPosition });
    }
    // Whatever an assumed state leads to but an append (a conflict, a refusal, nothing to record)
    // is judged again on the stream as it is: the state may be stale.
    const readAndDecideAgain = () => {
      mayAssume = false;
      states?.forget(streamName);
    };
    if (options.expectedRevision !== undefined && options.expectedRevision !== current) {
      if (assumed) {
        readAndDecideAgain();
        continue;
      }
      throw new WrongExpectedRevision(streamName, options.expectedRevision, current);
    }
    let events: E[];
    try {
      events = decider.decide(command, state);
    } catch (error) {
      if (!assumed) throw error;
      readAndDecideAgain();
      continue;
    }
    if (events.length === 0) {
      if (assumed) {
        readAndDecideAgain();
        continue;
      }
      return { events, nextRevision: current, position: lastPosition, state };
    }
    for (const e of events) requireStorableText(e.data);
    await options.beforeAppend?.(events, state);
    const toAppend: NewEvent[] = events.map((e, i) => ({
      id: options.eventId(i),
      type: e.type,
      data: e.data,
      metadata: { ...options.metadata, schemaVersion: options.schemaVersion ?? 1 },
    }));
    try {
      const result = await store.appendToStream(streamName, toAppend, { expectedRevision: current === -1n ? 'no_stream' : current });
      const next = events.reduce(decider.evolve, state);
      states?.set(decider, streamName, { state: next, revision: result.nextRevision, position: result.position });
      return { events, nextRevision: result.nextRevision, position: result.position, state: next };
    } catch (error) {
      states?.forget(streamName);
      // The stream had moved past the state assumed: not a race lost, stale knowledge. Read it and go again at once.
      if (assumed && error instanceof WrongExpectedRevision) {
        mayAssume = false;
        continue;
      }
      // A twin of this very command (same derived ids) got there first: the next read finds its events.
      const twin = error instanceof EventIdConflict && options.idsRepeatOnRetry;
      const race = error instanceof WrongExpectedRevision;
      if (!twin && !race) throw error;
      // With If-Match a lost race is the client's conflict, unless a twin of this command won it (the next read shows).
      if (race && options.expectedRevision !== undefined && !options.idsRepeatOnRetry) throw error;
      const pause = twin ? 0 : Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      if (Date.now() + pause > deadline) throw options.expectedRevision === undefined && !twin ? new StreamContended(streamName, attempt) : error;
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/** The first attempt's events, when the stream holds them: the answer it gave, given again. */
function replayOf<S, C, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  history: RecordedEvent[],
  eventId: (index: number) => string,
): HandleResult<S, E> | undefined {
  const first = history.findIndex((e) => e.id === eventId(0));
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < history.length && history[last + 1].id === eventId(last + 1 - first)) last++;
  const upTo = history.slice(0, last + 1);
  return {
    events: history.slice(first, last + 1).map((e) => domainEventOf<E>(e)),
    nextRevision: history[last].streamRevision,
    position: history[last].position,
    state: foldEvents(decider, upTo),
    replayed: true,
  };
}
