import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { CLOCK, commandAnswer, CommandMeta, Commands, type Clock } from '#commands';
import { beijingDay, organisationStreamName } from '#domain';
import { aidPeopleProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../http/if-match.js';
import { RecordNotFound } from '../http/problem.js';
import { Command, Meta, type RequestMeta } from '../http/request-meta.js';
import { UuidParam } from '../http/uuid-param.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';
import { CommandRoute } from '../shared/command-route.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { organisations } from '../aid/beneficiaries/beneficiary-aggregates.js';
import { BeneficiaryFactsService } from '../aid/beneficiaries/beneficiary-facts.service.js';
import { AID_RECORDERS } from '../aid/beneficiaries/beneficiary-fields.js';
import { AidPeopleQueries } from '../aid/beneficiaries/queries/aid-people-queries.service.js';
import { CreateOrganisationDto, DissolveOrganisationDto, ListOrganisationsQuery, RateWorkersHomeDto, RecordMemberCountDto } from './organisation.dto.js';
import { OrganisationListPage, OrganisationPage } from './organisation-views.dto.js';
import { OrganisationQueries } from './organisation-queries.service.js';
import { FreshnessQuery } from '../shared/freshness.query.js';

/** Grassroots union organisations (基层工会组织): founded, members counted at dates, rated Workers' Homes (职工之家). */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: OrganisationQueries,
    private readonly people: AidPeopleQueries,
    private readonly facts: BeneficiaryFactsService,
    private readonly freshness: ReadModelFreshness,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Record a union organisation: name, enterprise, founding day' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/organisations/${id}` })
  async create(@Body() dto: CreateOrganisationDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const employerId = dto.enterprise.employerId && (await this.facts.requireEmployer(dto.enterprise.employerId));
    const enterprise = { name: dto.enterprise.name, ...(employerId ? { employerId } : {}) };
    const organisationId = meta.newId();
    return commandAnswer(organisationId, await this.commands.execute(organisations, { type: 'CreateOrganisation', data: { organisationId, ...dto, enterprise } }, meta));
  }

  @Post(':id/member-counts')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Record the members counted on a day (a recount of the same day replaces it)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async count(@UuidParam('id') organisationId: string, @Body() dto: RecordMemberCountDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(organisationId, await this.commands.execute(organisations, { type: 'RecordMemberCount', data: { organisationId, ...dto } }, meta));
  }

  @Post(':id/workers-home-ratings')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Record that the unit was rated a Workers’ Home (职工之家) for a year; one rating a year' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async rate(@UuidParam('id') organisationId: string, @Body() dto: RateWorkersHomeDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(organisationId, await this.commands.execute(organisations, { type: 'RateWorkersHome', data: { organisationId, ...dto } }, meta));
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Record that the organisation was dissolved on a day, with the reason' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async dissolve(@UuidParam('id') organisationId: string, @Body() dto: DissolveOrganisationDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(organisationId, await this.commands.execute(organisations, { type: 'DissolveOrganisation', data: { organisationId, ...dto } }, meta));
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List union organisations with their members and Workers’ Home ratings as of a day (today by default)' })
  @ApiOkResponse({ type: OrganisationListPage })
  async list(@Query() query: ListOrganisationsQuery, @Res({ passthrough: true }) res: Response): Promise<OrganisationListPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    return this.queries.list({ ...query, on: query.on ?? beijingDay(this.clock.now().toISOString()) });
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'An organisation: today’s members, every count, its ratings and its history (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: OrganisationPage })
  async get(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const { items } = await this.queries.list({ id, on: beijingDay(this.clock.now().toISOString()) });
    const found = items[0];
    if (!found) throw new RecordNotFound({ zh: '工会组织', en: 'union organisation' }, id);
    res.setHeader('ETag', etagOf(found.revision));
    return { ...(found as OrganisationPage), memberCounts: await this.queries.memberCounts(id), history: await this.people.history(organisationStreamName(id), meta.lang) };
  }
}
