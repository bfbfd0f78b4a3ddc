import { Body, Controller } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { RecordReferralAnswerDto, ReferralAnswer, ReferToAgencyDto } from './refer-to-agency.dto.js';

/** The multi-department linkage: the case goes to an agency, the agency answers. */
@Controller('api/disputes')
export class ReferralsController {
  constructor(private readonly commands: Commands) {}

  @CaseCommand('referrals', 'Refer the case to an agency (转办: 妇联, 信访, 司法所, 社保, ...)', 201, ReferralAnswer)
  async refer(@UuidParam('id') caseId: string, @Body() dto: ReferToAgencyDto, @Command() meta: CommandMeta): Promise<ReferralAnswer> {
    const referralId = meta.newId();
    const result = await this.commands.execute(disputeCases, { type: 'ReferToAgency', data: { caseId, referralId, ...dto } }, meta);
    return { ...commandAnswer(caseId, result), referralId };
  }

  @CaseCommand('referrals/:referralId/answer', 'Record the agency’s answer to a referral', 200)
  @ApiParam({ name: 'referralId', description: 'From the referral’s answer or the case page' })
  async answer(
    @UuidParam('id') caseId: string,
    @UuidParam('referralId') referralId: string,
    @Body() dto: RecordReferralAnswerDto,
    @Command() meta: CommandMeta,
  ): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'RecordReferralAnswer', data: { caseId, referralId, ...dto } }, meta));
  }
}
