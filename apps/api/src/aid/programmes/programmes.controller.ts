import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS, StaffDirectory } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { aidFundsProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { Command, Meta, type RequestMeta } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { AidTimelineEntryView } from '../funds/fund.dto.js';
import { aidProgrammes } from '../shared/aid.aggregates.js';
import { AidQueries } from '../shared/aid-queries.service.js';
import { AidStreams } from '../shared/aid-streams.service.js';
import { aidTimeline } from '../shared/aid-timeline.js';
import { ChangeProgrammeDto, CloseProgrammeDto, CreateProgrammeDto, ListProgrammesQuery, ProgrammeView } from './programme.dto.js';

const PROGRAMME = { zh: '帮扶项目', en: 'aid programme' };
const PROJECTION = aidFundsProjection.name;

/** Aid programmes (两节送温暖, 金秋助学, …): kept by administrators, read by every role. */
@ApiTags('aid')
@ApiBearerAuth()
@Controller('api/aid/programmes')
export class ProgrammesController {
  constructor(
    private readonly commands: Commands,
    private readonly streams: AidStreams,
    private readonly queries: AidQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly staff: StaffDirectory,
  ) {}

  @Post()
  @Allowed('administrator')
  @ApiOperation({ summary: 'Create a programme: its kind (and so its eligibility rule), fund, season and cap per beneficiary' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/aid/programmes/${id}` })
  async create(@Body() dto: CreateProgrammeDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const programmeId = meta.newId();
    const fund = await this.streams.fund(dto.fundId);
    const result = await this.commands.execute(aidProgrammes, { type: 'CreateAidProgramme', data: { ...dto, season: dto.season ?? null, programmeId, fund } }, meta);
    return commandAnswer(programmeId, result);
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'Every programme' })
  @ApiOkResponse({ type: [ProgrammeView] })
  async list(@Query() query: ListProgrammesQuery, @Res({ passthrough: true }) res: Response): Promise<ProgrammeView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.queries.programmes(query.fundId);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A programme' })
  @ApiOkResponse({ type: ProgrammeView })
  async get(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Res({ passthrough: true }) res: Response): Promise<ProgrammeView> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const row = await this.queries.programme(id);
    if (!row) throw new RecordNotFound(PROGRAMME, id);
    res.setHeader('ETag', etagOf(row.revision));
    return this.queries.programmeView(row);
  }

  @Get(':id/timeline')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A programme’s history, one sentence each' })
  @ApiOkResponse({ type: [AidTimelineEntryView] })
  async timeline(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<AidTimelineEntryView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const entries = (await this.queries.timeline({ programmeId: id })).filter((e) => e.fundId === null);
    if (!entries.length) throw new RecordNotFound(PROGRAMME, id);
    return aidTimeline(entries, meta.lang, await this.staff.current());
  }

  @Post(':id/terms')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Change a programme’s name, season or cap, with the reason' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async change(@UuidParam('id') programmeId: string, @Body() dto: ChangeProgrammeDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const result = await this.commands.execute(aidProgrammes, { type: 'ChangeAidProgrammeTerms', data: { ...dto, season: dto.season ?? null, programmeId } }, meta);
    return commandAnswer(programmeId, result);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Close a programme: nothing more is paid under it' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async close(@UuidParam('id') programmeId: string, @Body() dto: CloseProgrammeDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const result = await this.commands.execute(aidProgrammes, { type: 'CloseAidProgramme', data: { programmeId, reason: dto.reason } }, meta);
    return commandAnswer(programmeId, result);
  }
}
