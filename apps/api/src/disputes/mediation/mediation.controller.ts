import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { FollowUpAnswer, RecordFollowUpDto } from './record-follow-up.dto.js';
import { RecordSessionDto, SessionAnswer } from './record-session.dto.js';

/** The mediator's work on the case: sessions held and follow-ups (回访) made. */
@Controller('api/disputes')
export class MediationController {
  constructor(private readonly commands: Commands) {}

  @CaseCommand('sessions', 'Record a mediation session (调解会议)', 201, SessionAnswer)
  async session(@UuidParam('id') caseId: string, @Body() dto: RecordSessionDto, @Command() meta: CommandMeta): Promise<SessionAnswer> {
    const sessionId = meta.newId();
    const result = await this.commands.execute(disputeCases, { type: 'RecordMediationSession', data: { caseId, sessionId, ...dto } }, meta);
    return { ...commandAnswer(caseId, result), sessionId };
  }

  @CaseCommand('follow-ups', 'Record a follow-up (回访) and its result', 201, FollowUpAnswer)
  async followUp(@UuidParam('id') caseId: string, @Body() dto: RecordFollowUpDto, @Command() meta: CommandMeta): Promise<FollowUpAnswer> {
    const followUpId = meta.newId();
    const result = await this.commands.execute(disputeCases, { type: 'RecordFollowUp', data: { caseId, followUpId, ...dto } }, meta);
    return { ...commandAnswer(caseId, result), followUpId };
  }
}
