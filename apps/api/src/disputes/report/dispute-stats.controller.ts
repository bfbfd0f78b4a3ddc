import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { disputeCasesProjection } from '#read-models';
import type { Response } from 'express';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { RequestValidationError } from '../../http/problem.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { DisputeStatsAnswer } from './dispute-stats.dto.js';
import { DisputeStatsQuery } from './dispute-stats.query.js';
import { DisputeStats } from './dispute-stats.service.js';

/** The period report's dispute figures (the seed counts 18 cases and 231 workers over five years). */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('api/disputes')
export class DisputeStatsController {
  constructor(
    private readonly stats: DisputeStats,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('stats')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'Report figures for a period: cases handled and distinct workers involved, each with its definition' })
  @ApiOkResponse({ type: DisputeStatsAnswer })
  async get(@Query() query: DisputeStatsQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<DisputeStatsAnswer> {
    if (query.from > query.to) throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must be on or after from' }] }]);
    await this.freshness.await(disputeCasesProjection.name, query.minPosition, res);
    return this.stats.forPeriod(query.from, query.to, meta.lang);
  }
}
