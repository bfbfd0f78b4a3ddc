import { Module } from '@nestjs/common';
import { ProjectionsService } from './projections.service.js';

/**
 * Projectors (and, later, deadline jobs). A library module, so `npm start` (the API with the
 * worker in its process) and the worker on its own import the same thing, and no app imports
 * another.
 */
@Module({ providers: [ProjectionsService], exports: [ProjectionsService] })
export class WorkerModule {}
