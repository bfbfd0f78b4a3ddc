import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Allowed } from '#auth';
import { aidFundsProjection, aidPeopleProjection, disputeCasesProjection, recoveriesProjection } from '#read-models';
import type { Response } from 'express';
import { RequestValidationError } from '../http/problem.js';
import { Meta, type RequestMeta } from '../http/request-meta.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { PeriodReportView } from './period-report.dto.js';
import { PeriodReportQuery } from './period-report.query.js';
import { CSV_TYPE, reportCsv, reportXlsx, XLSX_TYPE } from './period-report.render.js';
import { PeriodReportService } from './period-report.service.js';

/** The seed's five-year table for any period: JSON, CSV (UTF-8 with BOM) or XLSX, in Chinese or English. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(PeriodReportView)
@Controller('api/reports')
export class PeriodReportController {
  constructor(
    private readonly report: PeriodReportService,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('period')
  @Allowed('supervisor', 'auditor', 'administrator')
  @ApiOperation({ summary: 'The period report: every figure of the work report as a named query with its definition beside it' })
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
    for (const p of [disputeCasesProjection, recoveriesProjection, aidPeopleProjection, aidFundsProjection]) await this.freshness.await(p.name, query.minPosition, res);
    const lang = query.lang === 'en' ? 'en' : query.lang === 'zh-CN' ? 'zh' : meta.lang;
    const report = await this.report.forPeriod(query.from, query.to, lang);
    const file = `period-report-${query.from}-${query.to}-${lang}`;
    if (query.format === 'csv') return new StreamableFile(reportCsv(report, lang), { type: CSV_TYPE, disposition: `attachment; filename="${file}.csv"` });
    if (query.format === 'xlsx') return new StreamableFile(await reportXlsx(report, lang), { type: XLSX_TYPE, disposition: `attachment; filename="${file}.xlsx"` });
    return report;
  }
}
