import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed } from '#auth';
import { employerDecider, employerStreamName, type Actor, type EmployerRegistered, type RegisterEmployer } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandDocs } from '../../shared/command-docs.js';
import { CommandRunner } from '../../shared/command-runner.js';
import { IdentityReservations } from '../shared/identity-reservations.js';
import { RegisterEmployerDto } from './register-employer.dto.js';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('api/employers')
export class RegisterEmployerController {
  constructor(
    private readonly runner: CommandRunner,
    private readonly identities: IdentityReservations,
  ) {}

  @Post()
  @Allowed('mediator', 'supervisor', 'administrator')
  @ApiOperation({ summary: 'Register an employer (用人单位); one credit code, one employer' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandDocs()
  async register(@Body() dto: RegisterEmployerDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<CommandAnswer> {
    const employerId = randomUUID();
    const command: RegisterEmployer = { type: 'RegisterEmployer', ctx: { actor, now: meta.receivedAt }, data: { employerId, ...dto } };
    // Decided once against no employer first: a bad code or a blank name reserves nothing.
    const [registered] = employerDecider.decide(command, null) as [EmployerRegistered];
    const creditCode = registered.data.creditCode;
    const call = { actor, meta, res };
    if (creditCode) await this.identities.reserve('credit_code', creditCode, employerId, call);
    try {
      const answer = await this.runner.run(employerDecider, employerStreamName(employerId), command, employerId, call);
      res.setHeader('Location', `/api/employers/${employerId}`);
      return answer;
    } catch (error) {
      if (creditCode) await this.identities.release('credit_code', creditCode, employerId, 'the registration failed', call).catch(() => undefined);
      throw error;
    }
  }
}
