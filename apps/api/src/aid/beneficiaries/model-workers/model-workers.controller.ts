import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { modelWorkerStreamName } from '#domain';
import { aidPeopleProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../../http/if-match.js';
import { RecordNotFound } from '../../../http/problem.js';
import { Command, Meta, type RequestMeta } from '../../../http/request-meta.js';
import { UuidParam } from '../../../http/uuid-param.js';
import { CommandAnswer } from '../../../shared/command-answer.dto.js';
import { CommandRoute } from '../../../shared/command-route.js';
import { FreshnessQuery } from '../../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../../shared/read-model-freshness.js';
import { modelWorkers } from '../beneficiary-aggregates.js';
import { BeneficiaryFactsService, modelWorkerIdOf } from '../beneficiary-facts.service.js';
import { AID_RECORDERS } from '../beneficiary-fields.js';
import { AidPeopleQueries } from '../queries/aid-people-queries.service.js';
import { ListModelWorkersQuery, ModelWorkerListPage, ModelWorkerPage, RegisterModelWorkerDto, RemoveModelWorkerDto } from './model-worker.dto.js';

/** The model workers’ roll (劳模): title, level and year awarded; care visits count against it. */
@ApiTags('aid: model workers')
@ApiBearerAuth()
@Controller('api/aid/model-workers')
export class ModelWorkersController {
  constructor(
    private readonly commands: Commands,
    private readonly facts: BeneficiaryFactsService,
    private readonly queries: AidPeopleQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post()
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Put a registered worker on the model workers’ roll (once per worker)' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/aid/model-workers/${id}` })
  async register(@Body() dto: RegisterModelWorkerDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const { workerId, ...title } = dto;
    const worker = await this.facts.workerBorn(workerId);
    const modelWorkerId = modelWorkerIdOf(worker.workerId);
    return commandAnswer(modelWorkerId, await this.commands.execute(modelWorkers, { type: 'RegisterModelWorker', data: { modelWorkerId, worker, ...title } }, meta));
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Take a model worker off the roll from a day, with the reason' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async remove(@UuidParam('id') modelWorkerId: string, @Body() dto: RemoveModelWorkerDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(modelWorkerId, await this.commands.execute(modelWorkers, { type: 'RemoveModelWorker', data: { modelWorkerId, ...dto } }, meta));
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List the model workers, with their person-visits; ID and phone numbers masked' })
  @ApiOkResponse({ type: ModelWorkerListPage })
  async list(@Query() query: ListModelWorkersQuery, @Res({ passthrough: true }) res: Response): Promise<ModelWorkerListPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const { status, ...rest } = query;
    return this.queries.modelWorkers({ ...rest, ...(status ? { onRoll: status === 'on_roll' } : {}) });
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A model worker on the roll, with the history (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: ModelWorkerPage })
  async get(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModelWorkerPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const found = await this.queries.modelWorker(id);
    if (!found) throw new RecordNotFound({ zh: '劳模', en: 'model worker' }, id);
    res.setHeader('ETag', etagOf(found.revision));
    return { ...found, history: await this.queries.history(modelWorkerStreamName(id), meta.lang) };
  }
}
