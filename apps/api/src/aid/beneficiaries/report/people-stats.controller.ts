import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { aidPeopleProjection } from '#read-models';
import type { Response } from 'express';
import { RequestValidationError } from '../../../http/problem.js';
import { Meta, type RequestMeta } from '../../../http/request-meta.js';
import { ReadModelFreshness } from '../../../shared/read-model-freshness.js';
import { PeopleStatsQuery } from './people-stats.query.js';
import { PeopleStatsAnswer } from './people-stats.dto.js';
import { PeopleStats } from './people-stats.service.js';

/** The period report's people figures (the seed: 87 households visited, 71 model-worker person-visits among 16, 23 → 65 organisations). */
@ApiTags('aid: report')
@ApiBearerAuth()
@Controller('api/aid')
export class PeopleStatsController {
  constructor(
    private readonly stats: PeopleStats,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('people-stats')
  @Allowed(...READERS)
  @ApiOperation({
    summary: 'Report figures for a period: households visited and person-visits, model workers, union organisations and members, Workers’ Homes; each with its definition',
  })
  @ApiOkResponse({ type: PeopleStatsAnswer })
  async get(@Query() query: PeopleStatsQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<PeopleStatsAnswer> {
    if (query.from > query.to) throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must be on or after from' }] }]);
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    return this.stats.forPeriod(query.from, query.to, meta.lang);
  }
}
