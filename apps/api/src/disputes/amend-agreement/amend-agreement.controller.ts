import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { RecoveryCases } from '../../recovery/shared/recovery-cases.js';
import { AgreementAnswer } from '../closing/reach-agreement.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { AmendAgreementDto } from './amend-agreement.dto.js';

/**
 * Changing an agreement is an amendment with a reason; the first agreement stays in the case's
 * history. The amendment is decided on the case's stream, but may not owe a worker less than
 * the recovery ledger (its own stream) already holds for them: that ledger is read here, from
 * its stream, and handed in with the command (see `checkNotBelowRecovered` in the domain for a
 * receipt racing the amendment).
 */
@Controller('api/disputes')
export class AmendAgreementController {
  constructor(
    private readonly commands: Commands,
    private readonly recovery: RecoveryCases,
  ) {}

  @CaseCommand('agreement/amendments', 'Amend the mediation agreement in force, with the reason (the earlier one stays in the history)', 201, AgreementAnswer)
  async amend(@UuidParam('id') caseId: string, @Body() dto: AmendAgreementDto, @Command() meta: CommandMeta): Promise<AgreementAnswer> {
    const agreementId = meta.newId();
    const recovery = await this.recovery.agreementFacts(caseId);
    const result = await this.commands.execute(disputeCases, { type: 'AmendAgreement', data: { caseId, agreementId, ...dto, recovery } }, meta);
    return { ...commandAnswer(caseId, result), agreementId };
  }
}
