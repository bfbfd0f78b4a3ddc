import { Module } from '@nestjs/common';
import { BeneficiariesModule } from '../aid/beneficiaries/beneficiaries.module.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { OrganisationQueries } from './organisation-queries.service.js';
import { OrganisationsController } from './organisations.controller.js';

/** Grassroots union organisations, their members and Workers' Home ratings. */
@Module({
  imports: [BeneficiariesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationQueries, ReadModelFreshness],
})
export class OrganisationsModule {}
