import { Body, Controller, Res } from '@nestjs/common';
import type { Actor } from '#domain';
import type { Response } from 'express';
import { IfMatchRevision } from '../../http/if-match.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import type { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CaseCommand } from '../shared/case-command.route.js';
import { DisputeCommands } from '../shared/dispute-commands.js';
import { ReasonDto } from '../shared/reason.dto.js';
import { AssignMediatorDto } from './assign-mediator.dto.js';
import { MediatorRoster } from './mediator-roster.js';
import { UuidParam } from '../../http/uuid-param.js';

/** Taking a case in (or not), and who handles it. */
@Controller('api/disputes')
export class IntakeController {
  constructor(
    private readonly disputes: DisputeCommands,
    private readonly roster: MediatorRoster,
  ) {}

  @CaseCommand('accept', 'Accept the application (受理)', 200)
  accept(
    @UuidParam('id') caseId: string,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('AcceptIntake', { caseId }, { actor, meta, expectedRevision, res });
  }

  @CaseCommand('decline', 'Decline the application with a reason (不予受理); the case closes', 200)
  decline(
    @UuidParam('id') caseId: string,
    @Body() dto: ReasonDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('DeclineIntake', { caseId, reason: dto.reason }, { actor, meta, expectedRevision, res });
  }

  @CaseCommand('assign', 'Assign or reassign the case to a mediator (supervisors)', 200)
  async assign(
    @UuidParam('id') caseId: string,
    @Body() dto: AssignMediatorDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A mediator is refused by the case itself (SUPERVISOR_ONLY), whoever they name.
    if (actor.role === 'supervisor') await this.roster.requireActiveMediator(dto.mediatorId);
    return this.disputes.run('AssignMediator', { caseId, mediatorId: dto.mediatorId }, { actor, meta, expectedRevision, res });
  }
}
