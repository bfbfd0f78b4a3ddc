import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor, Decider, DomainEvent } from '#domain';
import { handleCommand, type EventStore, type HandleResult } from '#event-store';
import { EVENT_STORE } from '#platform';
import { randomUUID } from 'node:crypto';
import type { RequestMeta } from '../http/request-meta.js';

/** Any aggregate's command, as it goes through the CommandBus. */
export class RunDomainCommand<S = unknown, C = unknown, E extends DomainEvent = DomainEvent> {
  constructor(
    readonly decider: Decider<S, C, E>,
    readonly streamName: string,
    readonly command: C,
    readonly actor: Actor,
    readonly meta: RequestMeta,
    readonly expectedRevision?: bigint,
  ) {}
}

/** Translates and delegates: the one generic way (handleCommand) does the work. */
@CommandHandler(RunDomainCommand)
export class RunDomainCommandHandler implements ICommandHandler<RunDomainCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(c: RunDomainCommand): Promise<HandleResult<unknown, DomainEvent>> {
    return handleCommand(this.store, c.decider, c.streamName, c.command, {
      expectedRevision: c.expectedRevision,
      newEventId: randomUUID,
      metadata: {
        actor: c.actor,
        correlationId: c.meta.correlationId,
        causationId: c.meta.requestId,
        occurredAt: c.meta.receivedAt,
      },
    });
  }
}
