import type { Actor, CommandContext } from '#domain';
import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import { uuidV5 } from './derived-ids.js';

/** What a caller knows about a command before it runs; the same for HTTP, the CLI and jobs. */
export interface CommandMetaInit {
  actor: Actor;
  /** Follows one piece of work across requests and processes (X-Correlation-Id, a job's chain). */
  correlationId: string;
  /** What caused this command: the request, the job, the event a job reacted to. */
  causationId: string;
  /** When the command happened (ISO-8601); unset, the command path reads its clock once, at the first command. */
  occurredAt?: string;
  /**
   * Makes the command repeatable: the ids of new records and events derive from it, so the
   * same key sent again after a crash finds what the first attempt recorded. An Idempotency-Key
   * as its claim holds it, a job's id. Unset, ids are random.
   */
  idempotencyKey?: string;
  /** The revision the caller last saw (If-Match): a change since then is a conflict (409). */
  expectedRevision?: bigint;
}

/** A stream the command path appended to while serving this command. */
export interface Recorded {
  stream: string;
  types: string[];
}

interface Shared {
  occurredAt?: string;
  recorded: Recorded[];
}

/**
 * Transport-neutral command metadata: who, why, when, which revision, and how to make ids.
 * One per incoming request or job; `sub()` gives each part of a larger piece of work (a row
 * of a bulk registration, an ID reservation beside a registration) ids of its own.
 */
export class CommandMeta {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  readonly expectedRevision?: bigint;
  private readonly shared: Shared;
  private idsMade = 0;
  /** Ids this piece of work made at random: a stream named after one cannot exist before its first command. */
  private readonly randomIds = new Set<string>();
  private readonly streamUses = new Map<string, number>();

  constructor(init: CommandMetaInit, shared?: Shared) {
    this.actor = init.actor;
    this.correlationId = init.correlationId;
    this.causationId = init.causationId;
    this.idempotencyKey = init.idempotencyKey;
    this.expectedRevision = init.expectedRevision;
    this.shared = shared ?? { occurredAt: init.occurredAt, recorded: [] };
  }

  /** When it happened: fixed at the first call, so every command of one request shares one instant. */
  occurredAt(clock: Clock): string {
    this.shared.occurredAt ??= clock.now().toISOString();
    return this.shared.occurredAt;
  }

  /** What decide() receives: who and when. */
  context(clock: Clock): CommandContext {
    return { actor: this.actor, now: this.occurredAt(clock) };
  }

  /** The id of a new record (a case, a claimant, a session): derived from the idempotency key when there is one. */
  newId(): string {
    if (this.idempotencyKey !== undefined) return uuidV5(`${this.idempotencyKey}\nid\n${this.idsMade++}`);
    const id = randomUUID();
    this.randomIds.add(id);
    return id;
  }

  /**
   * Whether `stream` is named after an id newId() made at random here and no command went to
   * it yet (eventIdsFor counts them): then it cannot exist, and the command path need not read it.
   */
  isNewStream(stream: string): boolean {
    if (this.streamUses.has(stream)) return false;
    for (const id of this.randomIds) if (stream.endsWith(id)) return true;
    return false;
  }

  /**
   * Ids for the events of the next command on `stream`. Derived ones name the stream and how
   * many commands this piece of work has sent to it before, so they are the same on a retry.
   */
  eventIdsFor(stream: string): { eventId: (index: number) => string; derived: boolean } {
    const key = this.idempotencyKey;
    const use = this.streamUses.get(stream) ?? 0;
    this.streamUses.set(stream, use + 1);
    if (key === undefined) return { eventId: () => randomUUID(), derived: false };
    return { eventId: (index) => uuidV5(`${key}\nevent\n${stream}\n${use}\n${index}`), derived: true };
  }

  /**
   * A part of this piece of work with ids of its own (`label` must be unique within it), the
   * same actor, causes and instant, and no expected revision (If-Match names the main record).
   */
  sub(label: string): CommandMeta {
    const { actor, correlationId, causationId, idempotencyKey } = this;
    return new CommandMeta(
      { actor, correlationId, causationId, idempotencyKey: idempotencyKey === undefined ? undefined : `${idempotencyKey}\n${label}` },
      this.shared,
    );
  }

  /** Everything appended so far for this piece of work (sub-parts included): an error answer tells it truthfully. */
  get recorded(): readonly Recorded[] {
    return this.shared.recorded;
  }

  noteRecorded(stream: string, types: string[]): void {
    if (types.length > 0) this.shared.recorded.push({ stream, types });
  }
}
