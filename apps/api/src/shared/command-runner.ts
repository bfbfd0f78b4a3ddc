import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor, Decider, DomainEvent } from '#domain';
import type { HandleResult } from '#event-store';
import type { Response } from 'express';
import { etagOf } from '../http/if-match.js';
import type { RequestMeta } from '../http/request-meta.js';
import type { CommandAnswer } from './command-answer.dto.js';
import { RunDomainCommand } from './run-domain-command.js';

/** What a command route hands over from its request: who, when, which revision, where to answer. */
export interface CommandCall {
  actor: Actor;
  meta: RequestMeta;
  /** From If-Match; without it a race is retried on fresh state. */
  expectedRevision?: bigint;
  res: Response;
}

/** Sends a command through the CommandBus and answers `{ id, revision, position }` with the ETag set. */
@Injectable()
export class CommandRunner {
  constructor(private readonly commands: CommandBus) {}

  async run<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamName: string, command: C, id: string, call: CommandCall): Promise<CommandAnswer> {
    const result: HandleResult<S, E> = await this.commands.execute(
      new RunDomainCommand(decider, streamName, command, call.actor, call.meta, call.expectedRevision),
    );
    call.res.setHeader('ETag', etagOf(result.nextRevision));
    return { id, revision: Number(result.nextRevision), position: result.position };
  }
}
