import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import type { Actor } from '#domain';
import { disputeCasesProjection, partiesProjection, recoveriesProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { EmployerListPage, EmployerPage } from '../party-views.dto.js';
import { CurrentActor } from '../../shared/actor.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { IdNumberAccess } from '../worker-queries/id-number-access.js';
import { EmployerQueries } from './employer-queries.service.js';
import { ListEmployersQuery } from './list-employers.query.js';
import { UuidParam } from '../../http/uuid-param.js';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('api/employers')
export class EmployerQueriesController {
  constructor(
    private readonly queries: EmployerQueries,
    private readonly access: IdNumberAccess,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List employers: search by name (Chinese) or by credit code; contact phones masked' })
  @ApiOkResponse({ type: EmployerListPage })
  async list(@Query() query: ListEmployersQuery, @Res({ passthrough: true }) res: Response): Promise<EmployerListPage> {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'An employer’s page with the cases in which it is the respondent' })
  @ApiOkResponse({ type: EmployerPage })
  async get(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<EmployerPage> {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    await this.freshness.await(disputeCasesProjection.name, query.minPosition, res);
    await this.freshness.await(recoveriesProjection.name, query.minPosition, res);
    const employer = await this.queries.get(id);
    if (!employer) throw new RecordNotFound({ zh: '用人单位', en: 'employer' }, id);
    res.setHeader('ETag', etagOf(employer.revision));
    return {
      ...employer,
      ...(await this.access.showContact(actor, id, employer.contact)),
      revision: Number(employer.revision),
      registeredAt: employer.registeredAt.toISOString(),
      cases: (await this.queries.cases(id)) as unknown as EmployerPage['cases'],
      owed: await this.queries.owed(id),
    };
  }
}
