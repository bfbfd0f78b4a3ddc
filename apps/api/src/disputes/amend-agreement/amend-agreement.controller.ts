import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { AgreementAnswer } from '../closing/reach-agreement.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { AmendAgreementDto } from './amend-agreement.dto.js';

/** Changing an agreement is an amendment with a reason; the first agreement stays in the case's history. */
@Controller('api/disputes')
export class AmendAgreementController {
  constructor(private readonly commands: Commands) {}

  @CaseCommand('agreement/amendments', 'Amend the mediation agreement in force, with the reason (the earlier one stays in the history)', 201, AgreementAnswer)
  async amend(@UuidParam('id') caseId: string, @Body() dto: AmendAgreementDto, @Command() meta: CommandMeta): Promise<AgreementAnswer> {
    const agreementId = meta.newId();
    const result = await this.commands.execute(disputeCases, { type: 'AmendAgreement', data: { caseId, agreementId, ...dto } }, meta);
    return { ...commandAnswer(caseId, result), agreementId };
  }
}
