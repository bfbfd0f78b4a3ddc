import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, CASEWORKERS } from '#auth';
import { disputeCaseDecider, disputeStreamName, type Actor, type OpenDisputeCase } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRunner } from '../../shared/command-runner.js';
import { CommandDocs } from '../../shared/command-docs.js';
import { OpenDisputeDto } from './open-dispute.dto.js';

@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class OpenDisputeController {
  constructor(private readonly commands: CommandRunner) {}

  @Post()
  @Allowed(...CASEWORKERS)
  @ApiOperation({ summary: 'Open a labour-dispute case (立案)' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandDocs()
  async open(@Body() dto: OpenDisputeDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<CommandAnswer> {
    const caseId = randomUUID();
    const command: OpenDisputeCase = {
      type: 'OpenDisputeCase',
      ctx: { actor, now: meta.receivedAt },
      data: {
        caseId,
        title: dto.title,
        category: dto.category,
        description: dto.description,
        application: dto.application.kind === 'oral' && dto.application.oral
          ? { kind: 'oral', receivedAt: dto.application.receivedAt, oral: { ...dto.application.oral } }
          : { kind: dto.application.kind, receivedAt: dto.application.receivedAt },
        respondent: { name: dto.respondent.name, employerId: dto.respondent.employerId ?? null },
        claimants: dto.claimants.map((c) => ({ claimantId: randomUUID(), workerId: c.workerId ?? null, name: c.name })),
        mediatorId: dto.mediatorId ?? null,
      },
    };
    res.setHeader('Location', `/api/disputes/${caseId}`);
    return this.commands.run(disputeCaseDecider, disputeStreamName(caseId), command, caseId, { actor, meta, res });
  }
}
