import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed } from '#auth';
import { workerDecider, workerStreamName, type Actor, type RegisterWorker, type WorkerRegistered } from '#domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { CurrentActor } from '../../shared/actor.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandDocs } from '../../shared/command-docs.js';
import { CommandRunner } from '../../shared/command-runner.js';
import { IdentityReservations } from '../shared/identity-reservations.js';
import { RegisterWorkerDto } from './register-worker.dto.js';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/workers')
export class RegisterWorkerController {
  constructor(
    private readonly runner: CommandRunner,
    private readonly identities: IdentityReservations,
  ) {}

  @Post()
  @Allowed('mediator', 'supervisor', 'administrator')
  @ApiOperation({ summary: 'Register a worker (职工); one resident ID number, one worker' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandDocs()
  async register(@Body() dto: RegisterWorkerDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<CommandAnswer> {
    const workerId = randomUUID();
    const command: RegisterWorker = { type: 'RegisterWorker', ctx: { actor, now: meta.receivedAt }, data: { workerId, ...dto } };
    // Decided once against no worker first: a bad number or a blank name reserves nothing.
    const [registered] = workerDecider.decide(command, null) as [WorkerRegistered];
    const idNumber = registered.data.idNumber;
    const call = { actor, meta, res };
    await this.identities.reserve('resident_id', idNumber, workerId, call);
    try {
      const answer = await this.runner.run(workerDecider, workerStreamName(workerId), command, workerId, call);
      res.setHeader('Location', `/api/workers/${workerId}`);
      return answer;
    } catch (error) {
      await this.identities.release('resident_id', idNumber, workerId, 'the registration failed', call).catch(() => undefined);
      throw error;
    }
  }
}
