import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '../aid/beneficiaries/beneficiaries.module.js';
import { AidStatsService } from '../aid/report/aid-stats.service.js';
import { DisputeStats } from '../disputes/report/dispute-stats.service.js';
import { RecoveryStats } from '../recovery/report/recovery-stats.service.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { PeriodReportController } from './period-report.controller.js';
import { PeriodReportService } from './period-report.service.js';

/**
 * The period report (issue 13, item 5). It counts nothing itself: the stats services of each area
 * (stateless, over the read models) are provided here as they are, and PeopleStats comes from its module.
 */
@Module({
  imports: [BeneficiariesModule],
  controllers: [PeriodReportController],
  providers: [PeriodReportService, DisputeStats, RecoveryStats, AidStatsService, ReadModelFreshness],
})
export class ReportsModule {}
