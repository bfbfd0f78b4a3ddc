import { canonicalEventBody, chainHash } from '../event-hash.js';
import {
  EventIdConflict,
  expectedRevisionMatches,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store.port.js';
import { comparePositions, START, toPosition, type Position } from '../position.js';
import { waitForWake, Wakeup } from '../wakeup.js';

/** For fast unit tests only: same contract, nothing durable. */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly wakeup = new Wakeup();
  private tx = 0n;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(stream: string, events: NewEvent[], { expectedRevision }: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('appendToStream needs at least one event');
    const existing = this.byId.get(events[0].id);
    if (existing) return this.replayAnswer(stream, events);
    const current = this.streams.get(stream) ?? [];
    const actual = BigInt(current.length) - 1n;
    if (!expectedRevisionMatches(expectedRevision, actual)) throw new WrongExpectedRevision(stream, expectedRevision, actual);
    for (const e of events) if (this.byId.has(e.id)) throw new EventIdConflict(e.id);
    this.tx += 1n;
    const recordedAt = this.clock();
    let prevHash = current.at(-1)?.hash ?? '';
    let revision = actual;
    const recorded = events.map((e) => {
      revision += 1n;
      const body = canonicalEventBody(e);
      const hash = chainHash(prevHash, stream, revision, body);
      const r: RecordedEvent = {
        ...structuredClone(e),
        streamName: stream,
        streamRevision: revision,
        position: toPosition(this.tx, BigInt(this.all.length + 1)),
        recordedAt,
        hash,
        prevHash,
      };
      prevHash = hash;
      this.all.push(r);
      this.byId.set(e.id, r);
      return r;
    });
    this.streams.set(stream, [...current, ...recorded]);
    this.wakeup.wake();
    const last = recorded[recorded.length - 1];
    return { nextRevision: last.streamRevision, position: last.position };
  }

  private replayAnswer(stream: string, events: NewEvent[]): AppendResult {
    const stored = events.map((e) => this.byId.get(e.id));
    stored.forEach((s, i) => {
      if (!s || s.streamName !== stream || canonicalEventBody(s) !== canonicalEventBody(events[i])) throw new EventIdConflict(events[i].id);
    });
    const last = stored[stored.length - 1]!;
    return { nextRevision: last.streamRevision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (this.streams.get(stream) ?? [])
      .filter((e) => options.fromRevision === undefined || e.streamRevision >= options.fromRevision)
      .filter((e) => !options.untilRecordedAt || e.recordedAt <= options.untilRecordedAt)
      .map((e) => structuredClone(e));
  }

  async readAll({ fromPosition = START, limit = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.all
      .filter((e) => comparePositions(e.position, fromPosition) > 0)
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }

  async *subscribeToAll({ fromPosition = START, batchSize = 1000, signal }: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    let position = fromPosition;
    while (!signal?.aborted) {
      const wake = this.wakeup.next();
      const batch = await this.readAll({ fromPosition: position, limit: batchSize });
      for (const e of batch) {
        if (signal?.aborted) return;
        yield e;
        position = e.position;
      }
      if (batch.length < batchSize) await waitForWake(wake, 1000, signal);
    }
  }

  async headPosition(): Promise<Position> {
    return this.all.at(-1)?.position ?? START;
  }

  async close(): Promise<void> {
    this.wakeup.wake();
  }
}
