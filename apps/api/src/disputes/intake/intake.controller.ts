import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { ReasonDto } from '../shared/reason.dto.js';
import { AssignMediatorDto } from './assign-mediator.dto.js';
import { MediatorRoster } from './mediator-roster.js';

/** Taking a case in (or not), and who handles it. */
@Controller('api/disputes')
export class IntakeController {
  constructor(
    private readonly commands: Commands,
    private readonly roster: MediatorRoster,
  ) {}

  @CaseCommand('accept', 'Accept the application (受理)', 200)
  async accept(@UuidParam('id') caseId: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'AcceptIntake', data: { caseId } }, meta));
  }

  @CaseCommand('decline', 'Decline the application with a reason (不予受理); the case closes', 200)
  async decline(@UuidParam('id') caseId: string, @Body() dto: ReasonDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'DeclineIntake', data: { caseId, ...dto } }, meta));
  }

  @CaseCommand('assign', 'Assign or reassign the case to a mediator (supervisors)', 200)
  async assign(@UuidParam('id') caseId: string, @Body() dto: AssignMediatorDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    await this.roster.checkNamedBy(meta.actor, dto.mediatorId);
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'AssignMediator', data: { caseId, ...dto } }, meta));
  }
}
