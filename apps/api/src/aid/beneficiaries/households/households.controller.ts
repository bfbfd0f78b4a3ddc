import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { householdStreamName } from '#domain';
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
import { households, students } from '../beneficiary-aggregates.js';
import { BeneficiaryFactsService, householdIdOf } from '../beneficiary-facts.service.js';
import { AID_RECORDERS } from '../beneficiary-fields.js';
import { AidPeopleQueries } from '../queries/aid-people-queries.service.js';
import { CloseHouseholdDto, OpenHouseholdDto, RegisterStudentDto } from './household.dto.js';
import { HouseholdListPage, HouseholdPage } from './household-views.dto.js';
import { ListHouseholdsQuery } from './list-households.query.js';

const HOUSEHOLD = { zh: '困难职工档案', en: 'hardship household file' };

/** Hardship household files (困难职工档案): one per worker, opened and closed with reasons; the household's students. */
@ApiTags('aid: households')
@ApiBearerAuth()
@Controller('api/aid/households')
export class HouseholdsController {
  constructor(
    private readonly commands: Commands,
    private readonly facts: BeneficiaryFactsService,
    private readonly queries: AidPeopleQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Post()
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Open a worker’s hardship file, or open it again after it was closed (one file per worker)' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/aid/households/${id}` })
  async open(@Body() dto: OpenHouseholdDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const { workerId, ...circumstances } = dto;
    const worker = await this.facts.worker(workerId);
    const householdId = householdIdOf(worker.workerId);
    const result = await this.commands.execute(households, { type: 'OpenHouseholdFile', data: { householdId, worker, ...circumstances } }, meta);
    return commandAnswer(householdId, result);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Close the file: the household is out of hardship from that day (a reason is required)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async close(@UuidParam('id') householdId: string, @Body() dto: CloseHouseholdDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(householdId, await this.commands.execute(households, { type: 'CloseHouseholdFile', data: { householdId, ...dto } }, meta));
  }

  @Post(':id/students')
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Register a child of the household as a student (金秋助学): name, school, grade' })
  @ApiCreatedResponse({ type: CommandAnswer, description: 'The student’s id, revision and log position' })
  @CommandRoute({ location: (id) => `/api/aid/students/${id}` })
  async registerStudent(@UuidParam('id') householdId: string, @Body() dto: RegisterStudentDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const file = await this.facts.household(householdId);
    const studentId = meta.newId();
    const household = file ? { householdId: file.householdId } : null;
    const result = await this.commands.execute(students, { type: 'RegisterStudent', data: { studentId, householdId, household, ...dto } }, meta);
    return commandAnswer(studentId, result);
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List hardship household files; the worker’s ID and phone numbers masked' })
  @ApiOkResponse({ type: HouseholdListPage })
  async list(@Query() query: ListHouseholdsQuery, @Res({ passthrough: true }) res: Response): Promise<HouseholdListPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    return this.queries.households(query);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A household’s file: circumstances, open periods, students, visits and its history (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: HouseholdPage })
  async get(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HouseholdPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const page = await this.queries.household(id);
    if (!page) throw new RecordNotFound(HOUSEHOLD, id);
    res.setHeader('ETag', etagOf(page.revision));
    return { ...page, history: await this.queries.history(householdStreamName(id), meta.lang) };
  }
}
