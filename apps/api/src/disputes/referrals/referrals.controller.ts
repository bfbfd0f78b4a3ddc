import { Body, Controller, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Actor } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { IfMatchRevision } from '../../http/if-match.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { DisputeCommands } from '../shared/dispute-commands.js';
import { RecordReferralAnswerDto, ReferralAnswer, ReferToAgencyDto } from './refer-to-agency.dto.js';
import { UuidParam } from '../../http/uuid-param.js';

/** The multi-department linkage: the case goes to an agency, the agency answers. */
@Controller('api/disputes')
export class ReferralsController {
  constructor(private readonly disputes: DisputeCommands) {}

  @CaseCommand('referrals', 'Refer the case to an agency (转办: 妇联, 信访, 司法所, 社保, ...)', 201, ReferralAnswer)
  async refer(
    @UuidParam('id') caseId: string,
    @Body() dto: ReferToAgencyDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralAnswer> {
    const referralId = randomUUID();
    const data = { caseId, referralId, agency: dto.agency, agencyName: dto.agencyName, note: dto.note ?? '', referredAt: dto.referredAt };
    const answer = await this.disputes.run('ReferToAgency', data, { actor, meta, expectedRevision, res });
    return { ...answer, referralId };
  }

  @CaseCommand('referrals/:referralId/answer', 'Record the agency’s answer to a referral', 200)
  @ApiParam({ name: 'referralId', description: 'From the referral’s answer or the case page' })
  answer(
    @UuidParam('id') caseId: string,
    @UuidParam('referralId') referralId: string,
    @Body() dto: RecordReferralAnswerDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('RecordReferralAnswer', { caseId, referralId, ...dto }, { actor, meta, expectedRevision, res });
  }
}
