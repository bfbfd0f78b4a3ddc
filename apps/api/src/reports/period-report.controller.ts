import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Allowed } from '#auth';
import { comparePositions } from '#event-store';
import { reportFactsProjection } from '#read-models';
import type { Response } from 'express';
import { RequestValidationError } from '../http/problem.js';
import { Meta, type RequestMeta } from '../http/request-meta.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { PeriodReportView, ReportPositionView } from './period-report.dto.js';
import { PeriodReportQuery } from './period-report.query.js';
import { CSV_TYPE, reportCsv, reportXlsx, XLSX_TYPE } from './period-report.render.js';
import { PeriodReportService } from './period-report.service.js';

/** The seed's five-year table for any period: JSON, CSV (UTF-8 with BOM) or XLSX, in Chinese or English. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(PeriodReportView, ReportPositionView)
@Controller('api/reports')
export class PeriodReportController {
  constructor(
    private readonly report: PeriodReportService,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('period')
  @Allowed('supervisor', 'auditor', 'administrator')
  @ApiOperation({
    summary: 'The period report: every figure of the work report as a named query with its definition beside it; &asOf= for the figures as they stood at an earlier moment',
  })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({
    description: 'JSON (format=json), CSV UTF-8 with BOM (format=csv) or an Excel workbook (format=xlsx)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PeriodReportView) } },
      [CSV_TYPE]: { schema: { type: 'string', description: 'UTF-8 with a byte-order mark, CRLF lines' } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async get(@Query() query: PeriodReportQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<PeriodReportView | StreamableFile> {
    if (query.from > query.to) throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must be on or after from' }] }]);
    // As of a moment: the last event at or before it; the report's facts are awaited up to there (and to minPosition).
    const wanted = query.asOf === undefined ? null : await this.report.positionOf(query.asOf);
    const waitFor = [query.minPosition, wanted ?? undefined].filter((p): p is string => p !== undefined).sort(comparePositions).at(-1);
    await this.freshness.await(reportFactsProjection.name, waitFor, res);
    const at = await this.report.standing(query.asOf ?? null, wanted);
    res.setHeader('X-Report-Position', at.position);
    const lang = query.lang === 'en' ? 'en' : query.lang === 'zh-CN' ? 'zh' : meta.lang;
    const report = await this.report.forPeriod(query.from, query.to, lang, at);
    const file = `period-report-${query.from}-${query.to}-${lang}${query.asOf === undefined ? '' : `-at-${at.position.replace(':', '-')}`}`;
    if (query.format === 'csv') return new StreamableFile(reportCsv(report, lang), { type: CSV_TYPE, disposition: `attachment; filename="${file}.csv"` });
    if (query.format === 'xlsx') return new StreamableFile(await reportXlsx(report, lang), { type: XLSX_TYPE, disposition: `attachment; filename="${file}.xlsx"` });
    return report;
  }
}
