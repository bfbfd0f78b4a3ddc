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
import { AddClaimantsDto, ClaimantsAddedAnswer } from './add-claimants.dto.js';
import { RecordClaimDto } from './record-claim.dto.js';
import { UuidParam } from '../../http/uuid-param.js';

/** Who brings the case and what each of them asks for. */
@Controller('api/disputes')
export class ClaimantsController {
  constructor(private readonly disputes: DisputeCommands) {}

  @CaseCommand('claimants', 'Add claimants (workers) to a case', 201, ClaimantsAddedAnswer)
  async add(
    @UuidParam('id') caseId: string,
    @Body() dto: AddClaimantsDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimantsAddedAnswer> {
    const claimants = dto.claimants.map((c) => ({ claimantId: randomUUID(), workerId: c.workerId ?? null, name: c.name }));
    const answer = await this.disputes.run('AddClaimants', { caseId, claimants }, { actor, meta, expectedRevision, res });
    return { ...answer, claimantIds: claimants.map((c) => c.claimantId) };
  }

  @CaseCommand('claims', 'Record a claim of one claimant, in fen', 201)
  record(
    @UuidParam('id') caseId: string,
    @Body() dto: RecordClaimDto,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @IfMatchRevision() expectedRevision: bigint | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.disputes.run('RecordClaim', { caseId, ...dto }, { actor, meta, expectedRevision, res });
  }
}
