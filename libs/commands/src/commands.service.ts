import { Inject, Injectable } from '@nestjs/common';
import type { Command, DomainEvent, Issued } from '#domain';
import { handleCommand, StreamStates, type EventStore, type HandleResult } from '#event-store';
import { EVENT_STORE } from '#platform';
import type { Aggregate } from './aggregate.js';
import { CLOCK, type Clock } from './clock.js';
import type { CommandMeta } from './command-meta.js';

export interface ExecuteOptions<S, E> {
  /** Runs after decide, before the append: e.g. reserve the ID number the new events carry. */
  beforeAppend?: (events: E[], state: S) => Promise<void>;
}

/**
 * The one way in for every command, from HTTP, the CLI and jobs alike: adds who and when to
 * the command and hands it to the loop (read, fold, decide, append). No bus, no handler
 * classes: commands are plain data, and the loop is the only handler they need.
 */
@Injectable()
export class Commands {
  /** What the last command on each stream left, so the next one need not read it (the append checks the revision). */
  private readonly states = new StreamStates();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<S, C extends Command, E extends DomainEvent>(
    aggregate: Aggregate<S, C, E>,
    command: Issued<C>,
    meta: CommandMeta,
    options: ExecuteOptions<S, E> = {},
  ): Promise<HandleResult<S, E>> {
    const stream = aggregate.streamOf(command);
    const occurredAt = meta.occurredAt(this.clock);
    const newStream = meta.isNewStream(stream);
    const ids = meta.eventIdsFor(stream);
    const result = await handleCommand(this.store, aggregate.decider, stream, { ...command, ctx: meta.context(this.clock) } as unknown as C, {
      expectedRevision: meta.expectedRevision,
      metadata: { actor: meta.actor, correlationId: meta.correlationId, causationId: meta.causationId, occurredAt },
      eventId: ids.eventId,
      idsRepeatOnRetry: ids.derived,
      beforeAppend: options.beforeAppend,
      states: this.states,
      newStream,
    });
    meta.noteRecorded(stream, result.events.map((e) => e.type));
    return result;
  }
}
