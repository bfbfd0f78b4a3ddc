import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { aidFundsProjection } from '#read-models';
import type { Response } from 'express';
import { RequestValidationError } from '../../http/problem.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { AidStatsAnswer, AidStatsQuery } from './aid-stats.dto.js';
import { AidStatsService } from './aid-stats.service.js';

@ApiTags('aid')
@ApiBearerAuth()
@Allowed(...READERS)
@Controller('api/aid/stats')
export class AidStatsController {
  constructor(
    private readonly stats: AidStatsService,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The period report’s aid figures: aid raised by source, aid paid by programme, student grants; each with its definition' })
  @ApiOkResponse({ type: AidStatsAnswer })
  async get(@Query() query: AidStatsQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<AidStatsAnswer> {
    if (query.from > query.to) throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must not be before from' }] }]);
    await this.freshness.await(aidFundsProjection.name, query.minPosition, res);
    return this.stats.forPeriod(query.from, query.to, meta.lang);
  }
}
