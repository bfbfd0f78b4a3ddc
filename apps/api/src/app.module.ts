import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { InfrastructureModule, loggerParams } from '#platform';
import { WorkerModule } from '../../worker/src/worker.module.js';
import { DisputesModule } from './disputes/disputes.module.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { DevelopmentActorGuard } from './shared/development-actor.guard.js';
import { RunDomainCommandHandler } from './shared/run-domain-command.js';

@Module({})
export class AppModule {
  /** The API; with `withWorker` (npm start) the projectors run in the same process. */
  static register(config: AppConfig, databaseUrl: string, withWorker = config.WITH_WORKER): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        InfrastructureModule.forRoot(config, databaseUrl),
        CqrsModule.forRoot(),
        DisputesModule,
        ...(withWorker ? [WorkerModule] : []),
      ],
      controllers: [HealthController],
      providers: [
        RunDomainCommandHandler,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: DevelopmentActorGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
