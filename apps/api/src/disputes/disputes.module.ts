import { Module } from '@nestjs/common';
import { OpenDisputeController } from './open-dispute/open-dispute.controller.js';
import { DisputeQueries } from './queries/dispute-queries.service.js';
import { DisputeQueriesController } from './queries/dispute-queries.controller.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';

@Module({
  controllers: [OpenDisputeController, DisputeQueriesController],
  providers: [DisputeQueries, ReadModelFreshness],
})
export class DisputesModule {}
