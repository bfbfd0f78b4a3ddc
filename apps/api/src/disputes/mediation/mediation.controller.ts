import { Body, Controller, Res } from '@nestjs/common';
import type { Actor } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { IfMatchRevision } from '../../http/if-match.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { DisputeCommands } from '../shared/dispute-commands.js';
import { FollowUpAnswer, RecordFollowUpDto } from './record-follow-up.dto.js';
import { RecordSessionDto, SessionAnswer } from './record-session.dto.js';
import { UuidParam } from '../../http/uuid-param.js';

/** The mediator's work on the case: sessions held and follow-ups (回访) made. */
@Controller('api/disputes')
export class MediationController {
  constructor(private readonly disputes: DisputeCommands) {}

  @CaseCommand('sessions', 'Record a mediation session (调解会议)', 201, SessionAnswer)
  async session(
    @UuidParam('id') caseId: string,
    @Body() dto: RecordSessionDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionAnswer> {
    const sessionId = randomUUID();
    const data = { caseId, sessionId, heldAt: dto.heldAt, place: dto.place ?? '', attendees: dto.attendees ?? [], summary: dto.summary };
    const answer = await this.disputes.run('RecordMediationSession', data, { actor, meta, expectedRevision, res });
    return { ...answer, sessionId };
  }

  @CaseCommand('follow-ups', 'Record a follow-up (回访) and its result', 201, FollowUpAnswer)
  async followUp(
    @UuidParam('id') caseId: string,
    @Body() dto: RecordFollowUpDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FollowUpAnswer> {
    const followUpId = randomUUID();
    const answer = await this.disputes.run('RecordFollowUp', { caseId, followUpId, ...dto }, { actor, meta, expectedRevision, res });
    return { ...answer, followUpId };
  }
}
