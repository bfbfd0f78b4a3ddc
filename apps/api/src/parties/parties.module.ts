import { Module } from '@nestjs/common';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { EmployerQueries } from './employer-queries/employer-queries.service.js';
import { EmployerQueriesController } from './employer-queries/employer-queries.controller.js';
import { RegisterEmployerController } from './register-employer/register-employer.controller.js';
import { RegisterWorkerController } from './register-worker/register-worker.controller.js';
import { IdentityReservations } from './shared/identity-reservations.js';
import { IdNumberGuesses } from './shared/id-number-guesses.js';
import { PartyFacts } from './shared/party-facts.js';
import { PartyRegistrations } from './shared/party-registrations.js';
import { IdNumberAccess } from './worker-queries/id-number-access.js';
import { WorkerQueries } from './worker-queries/worker-queries.service.js';
import { WorkerQueriesController } from './worker-queries/worker-queries.controller.js';

/** Workers and employers: one identity each, shared by disputes, wage recovery and aid. */
@Module({
  controllers: [RegisterWorkerController, WorkerQueriesController, RegisterEmployerController, EmployerQueriesController],
  providers: [IdentityReservations, PartyRegistrations, PartyFacts, IdNumberGuesses, ReadModelFreshness, WorkerQueries, IdNumberAccess, EmployerQueries],
  exports: [PartyFacts, IdNumberGuesses],
})
export class PartiesModule {}
