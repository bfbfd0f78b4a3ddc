import { Body, Controller, Res } from '@nestjs/common';
import type { Actor } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { IfMatchRevision } from '../../http/if-match.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import { AgreementAnswer } from '../closing/reach-agreement.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { DisputeCommands } from '../shared/dispute-commands.js';
import { AmendAgreementDto } from './amend-agreement.dto.js';
import { UuidParam } from '../../http/uuid-param.js';

/** Changing an agreement is an amendment with a reason; the first agreement stays in the case's history. */
@Controller('api/disputes')
export class AmendAgreementController {
  constructor(private readonly disputes: DisputeCommands) {}

  @CaseCommand('agreement/amendments', 'Amend the mediation agreement in force, with the reason (the earlier one stays in the history)', 201, AgreementAnswer)
  async amend(
    @UuidParam('id') caseId: string,
    @Body() dto: AmendAgreementDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementAnswer> {
    const agreementId = randomUUID();
    const amounts = dto.amounts.map((a) => ({ claimantId: a.claimantId, amountFen: a.amountFen }));
    const data = { caseId, agreementId, amounts, terms: dto.terms, paymentDates: dto.paymentDates, reason: dto.reason };
    const answer = await this.disputes.run('AmendAgreement', data, { actor, meta, expectedRevision, res });
    return { ...answer, agreementId };
  }
}
