import { Module } from '@nestjs/common';
import { ProjectionsService } from './projections.service.js';

/**
 * Projectors. A library module, so `npm start` (the API with the worker in its process) and the
 * worker on its own import the same thing, and no app imports another. The deadline jobs
 * (`DeadlineJobsModule`, libs/jobs) are imported beside it by both: they use the command path,
 * which imports this library, so importing them from here would be a cycle of ES modules.
 */
@Module({ providers: [ProjectionsService], exports: [ProjectionsService] })
export class WorkerModule {}
