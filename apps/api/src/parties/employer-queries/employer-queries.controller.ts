import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import type { Actor } from '#domain';
import { disputeCasesProjection, partiesProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { CurrentActor } from '../../shared/actor.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { IdNumberAccess } from '../worker-queries/id-number-access.js';
import { EmployerQueries } from './employer-queries.service.js';
import { ListEmployersQuery } from './list-employers.query.js';

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
  async list(@Query() query: ListEmployersQuery, @Res({ passthrough: true }) res: Response) {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'An employer’s page with the cases in which it is the respondent' })
  @ApiQuery({ name: 'minPosition', required: false })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.freshness.await(partiesProjection.name, minPosition, res);
    await this.freshness.await(disputeCasesProjection.name, minPosition, res);
    const employer = await this.queries.get(id);
    if (!employer) throw new NotFoundException(`no employer ${id}`);
    res.setHeader('ETag', etagOf(employer.revision));
    return {
      ...employer,
      ...(await this.access.showContact(actor, id, employer.contact)),
      revision: Number(employer.revision),
      registeredAt: employer.registeredAt.toISOString(),
      cases: await this.queries.cases(id),
    };
  }
}
