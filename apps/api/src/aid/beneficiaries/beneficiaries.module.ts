import { Module } from '@nestjs/common';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { AidStreams } from '../shared/aid-streams.service.js';
import { BeneficiaryFactsService } from './beneficiary-facts.service.js';
import { CareVisitsController } from './care-visits/care-visits.controller.js';
import { HouseholdsController } from './households/households.controller.js';
import { ModelWorkersController } from './model-workers/model-workers.controller.js';
import { AidPeopleQueries } from './queries/aid-people-queries.service.js';
import { PeopleStatsController } from './report/people-stats.controller.js';
import { PeopleStats } from './report/people-stats.service.js';
import { StudentsController } from './students/students.controller.js';

/**
 * The aid fund's beneficiaries: hardship household files, model workers, students, and care
 * visits to them; and the facts a disbursement's eligibility rule reads (BeneficiaryFactsService).
 */
@Module({
  controllers: [PeopleStatsController, HouseholdsController, ModelWorkersController, StudentsController, CareVisitsController],
  providers: [BeneficiaryFactsService, AidPeopleQueries, PeopleStats, ReadModelFreshness, AidStreams],
  exports: [BeneficiaryFactsService, AidPeopleQueries, PeopleStats],
})
export class BeneficiariesModule {}
