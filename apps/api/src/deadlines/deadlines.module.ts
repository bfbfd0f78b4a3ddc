import { Module } from '@nestjs/common';
import { CadreActivitiesController } from '../cadre-activities/cadre-activities.controller.js';
import { MediatorRoster } from '../disputes/intake/mediator-roster.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { DeadlineBoard } from './deadline-board.service.js';
import { DeadlinePoliciesController, MediationClockController } from './deadline-commands.controller.js';
import { DeadlinesController } from './deadlines.controller.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';

/** The supervisor's boards, the deadline policies, the mediation clock's pause and resume, cadre activities. */
@Module({
  controllers: [QueueDashboardController, DeadlinesController, DeadlinePoliciesController, MediationClockController, CadreActivitiesController],
  providers: [DeadlineBoard, MediatorRoster, ReadModelFreshness],
  exports: [DeadlineBoard],
})
export class DeadlinesModule {}
