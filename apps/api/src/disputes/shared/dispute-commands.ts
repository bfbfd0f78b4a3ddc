import { Injectable } from '@nestjs/common';
import { disputeCaseDecider, disputeStreamName, type DisputeCaseCommand } from '#domain';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRunner, type CommandCall } from '../../shared/command-runner.js';

type CommandOf<T extends DisputeCaseCommand['type']> = Extract<DisputeCaseCommand, { type: T }>;

/** Runs one command on a dispute case's stream; the answer's id is the case. */
@Injectable()
export class DisputeCommands {
  constructor(private readonly runner: CommandRunner) {}

  run<T extends DisputeCaseCommand['type']>(type: T, data: CommandOf<T>['data'], call: CommandCall): Promise<CommandAnswer> {
    const command = { type, data, ctx: { actor: call.actor, now: call.meta.receivedAt } } as CommandOf<T>;
    return this.runner.run(disputeCaseDecider, disputeStreamName(data.caseId), command as DisputeCaseCommand, data.caseId, call);
  }
}
