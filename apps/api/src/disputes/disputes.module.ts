import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module.js';
import { RecoveryModule } from '../recovery/recovery.module.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { AmendAgreementController } from './amend-agreement/amend-agreement.controller.js';
import { ClaimantsController } from './claimants/claimants.controller.js';
import { ClosingController } from './closing/closing.controller.js';
import { IntakeController } from './intake/intake.controller.js';
import { MediatorRoster } from './intake/mediator-roster.js';
import { MediationController } from './mediation/mediation.controller.js';
import { OpenDisputeController } from './open-dispute/open-dispute.controller.js';
import { DisputeQueries } from './queries/dispute-queries.service.js';
import { DisputeQueriesController } from './queries/dispute-queries.controller.js';
import { ReferralsController } from './referrals/referrals.controller.js';
import { DisputeStatsController } from './report/dispute-stats.controller.js';
import { DisputeStats } from './report/dispute-stats.service.js';

@Module({
  controllers: [
    // Before the queries controller: GET /api/disputes/stats must not be taken for a case id.
    DisputeStatsController,
    OpenDisputeController,
    DisputeQueriesController,
    ClaimantsController,
    IntakeController,
    ReferralsController,
    MediationController,
    ClosingController,
    AmendAgreementController,
  ],
  imports: [RecoveryModule, PartiesModule],
  providers: [DisputeQueries, ReadModelFreshness, MediatorRoster, DisputeStats],
})
export class DisputesModule {}
