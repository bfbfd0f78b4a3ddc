import { Body, Controller, Res } from '@nestjs/common';
import type { Actor } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { IfMatchRevision } from '../../http/if-match.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { DisputeCommands } from '../shared/dispute-commands.js';
import { ReasonDto } from '../shared/reason.dto.js';
import { AgreementAnswer, ReachAgreementDto } from './reach-agreement.dto.js';
import { RecordOutcomeDto } from './record-outcome.dto.js';
import { UuidParam } from '../../http/uuid-param.js';

/** How a case ends: the agreement, the outcome, and a supervisor's reopening. */
@Controller('api/disputes')
export class ClosingController {
  constructor(private readonly disputes: DisputeCommands) {}

  @CaseCommand('agreement', 'Record the mediation agreement: an amount for every claimant, terms, payment dates', 201, AgreementAnswer)
  async agreement(
    @UuidParam('id') caseId: string,
    @Body() dto: ReachAgreementDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementAnswer> {
    const agreementId = randomUUID();
    const amounts = dto.amounts.map((a) => ({ claimantId: a.claimantId, amountFen: a.amountFen }));
    const data = { caseId, agreementId, amounts, terms: dto.terms, paymentDates: dto.paymentDates };
    const answer = await this.disputes.run('ReachAgreement', data, { actor, meta, expectedRevision, res });
    return { ...answer, agreementId };
  }

  @CaseCommand('outcome', 'Close the case with its outcome (结案)', 200)
  outcome(
    @UuidParam('id') caseId: string,
    @Body() dto: RecordOutcomeDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('RecordOutcome', { caseId, outcome: dto.outcome, reason: dto.reason }, { actor, meta, expectedRevision, res });
  }

  @CaseCommand('reopen', 'Reopen a closed case with a reason (supervisors)', 200)
  reopen(
    @UuidParam('id') caseId: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('ReopenCase', { caseId, reason: dto.reason }, { actor, meta, expectedRevision, res });
  }
}
