import { Body, Controller } from '@nestjs/common';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { RecoveryCases } from '../../recovery/shared/recovery-cases.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { disputeCases } from '../shared/dispute-case.aggregate.js';
import { ReasonDto } from '../shared/reason.dto.js';
import { AgreementAnswer, ReachAgreementDto } from './reach-agreement.dto.js';
import { RecordOutcomeDto } from './record-outcome.dto.js';

/** How a case ends: the agreement, the outcome, and a supervisor's reopening. */
@Controller('api/disputes')
export class ClosingController {
  constructor(
    private readonly commands: Commands,
    private readonly recovery: RecoveryCases,
  ) {}

  @CaseCommand('agreement', 'Record the mediation agreement: an amount for every claimant, terms, payment dates', 201, AgreementAnswer)
  async agreement(@UuidParam('id') caseId: string, @Body() dto: ReachAgreementDto, @Command() meta: CommandMeta): Promise<AgreementAnswer> {
    const agreementId = meta.newId();
    const result = await this.commands.execute(disputeCases, { type: 'ReachAgreement', data: { caseId, agreementId, ...dto } }, meta);
    return { ...commandAnswer(caseId, result), agreementId };
  }

  @CaseCommand('outcome', 'Close the case with its outcome (结案); "agreement fulfilled" only once the recovery ledger is complete', 200)
  async outcome(@UuidParam('id') caseId: string, @Body() dto: RecordOutcomeDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    // The recovery is its own stream: whether every worker has their money is read there, and handed to decide().
    const recoveryComplete = dto.outcome === 'agreement_fulfilled' && (await this.recovery.recoveryComplete(await this.recovery.dispute(caseId)));
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'RecordOutcome', data: { caseId, ...dto, recoveryComplete } }, meta));
  }

  @CaseCommand('reopen', 'Reopen a closed case with a reason (supervisors)', 200)
  async reopen(@UuidParam('id') caseId: string, @Body() dto: ReasonDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'ReopenCase', data: { caseId, ...dto } }, meta));
  }
}
