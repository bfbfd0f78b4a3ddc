import { Module } from '@nestjs/common';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { PeriodReportController } from './period-report.controller.js';
import { PeriodReportService } from './period-report.service.js';

/**
 * The period report (issue 13, item 5): named queries over the report's facts (`report_facts`,
 * the projection `report-facts`), each giving the same figure as its area's stats route, read as
 * of the latest position or of an earlier moment (`asOf`).
 */
@Module({
  controllers: [PeriodReportController],
  providers: [PeriodReportService, ReadModelFreshness],
})
export class ReportsModule {}
