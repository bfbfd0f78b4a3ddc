import { Module } from '@nestjs/common';
import { ProjectionsService } from './projections.service.js';

/** Projectors (and, later, deadline jobs). Runs inside `npm start`, or alone for scaling. */
@Module({ providers: [ProjectionsService], exports: [ProjectionsService] })
export class WorkerModule {}
