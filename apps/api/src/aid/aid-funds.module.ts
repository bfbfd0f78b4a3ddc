import { Module } from '@nestjs/common';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { BeneficiariesModule } from './beneficiaries/beneficiaries.module.js';
import { BeneficiaryFactsService } from './beneficiaries/beneficiary-facts.service.js';
import { BENEFICIARY_FACTS_READER } from './funds/beneficiary-facts.reader.js';
import { DisbursementsController } from './disbursements/disbursements.controller.js';
import { FundsController } from './funds/funds.controller.js';
import { ProgrammesController } from './programmes/programmes.controller.js';
import { AidStatsController } from './report/aid-stats.controller.js';
import { AidStatsService } from './report/aid-stats.service.js';
import { AidQueries } from './shared/aid-queries.service.js';
import { AidStreams } from './shared/aid-streams.service.js';
import { OneAtATime } from './shared/one-at-a-time.js';

/**
 * The hardship-aid fund: funds and income, programmes, disbursements and the approval queue,
 * the period report's aid figures. Eligibility reads the beneficiary files' streams (BeneficiaryFactsService).
 */
@Module({
  imports: [BeneficiariesModule],
  controllers: [AidStatsController, FundsController, ProgrammesController, DisbursementsController],
  providers: [AidQueries, AidStreams, AidStatsService, ReadModelFreshness, OneAtATime, { provide: BENEFICIARY_FACTS_READER, useExisting: BeneficiaryFactsService }],
})
export class AidFundsModule {}
