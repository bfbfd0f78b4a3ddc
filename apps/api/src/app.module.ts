import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard, AuthModule, FirstAdministrator } from '#auth';
import { CommandsModule } from '#commands';
import { DeadlineJobsModule, JobsModule } from '#jobs';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '#config';
import { InfrastructureModule, loggerParams, WorkerModule, type DatabaseStatusSource } from '#platform';
import { AidFundsModule } from './aid/aid-funds.module.js';
import { AuditModule } from './audit/audit.module.js';
import { BeneficiariesModule } from './aid/beneficiaries/beneficiaries.module.js';
import { AuthController } from './auth/auth.controller.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { DisputesModule } from './disputes/disputes.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PartiesModule } from './parties/parties.module.js';
import { RecoveryModule } from './recovery/recovery.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { StaffController } from './staff/staff.controller.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { Metrics, MetricsController } from './operations/metrics.js';
import { DeadlineMetrics } from './deadlines/deadline-metrics.js';
import { ProjectionsStatusController } from './operations/projections-status.controller.js';

@Module({})
export class AppModule {
  /** The API; with `withWorker` (npm start) the projectors run in the same process. */
  static register(
    config: AppConfig,
    databaseUrl: string,
    options: { withWorker?: boolean; withDeadlineJobs?: boolean; logDestination?: DestinationStream; databaseStatus?: DatabaseStatusSource | null } = {},
  ): DynamicModule {
    const withWorker = options.withWorker ?? config.WITH_WORKER;
    // The deadline jobs run wherever the projectors do; a composition may leave them out (see test/support/test-app.ts).
    const withDeadlineJobs = options.withDeadlineJobs ?? withWorker;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
        InfrastructureModule.forRoot(config, databaseUrl, options.databaseStatus),
        CommandsModule,
        AuthModule.forRoot(config),
        DisputesModule,
        PartiesModule,
        AidFundsModule,
        JobsModule,
        DeadlinesModule,
        RecoveryModule,
        BeneficiariesModule,
        OrganisationsModule,
        AuditModule,
        ReportsModule,
        ...(withWorker ? [WorkerModule] : []),
        ...(withDeadlineJobs ? [WorkerModule, DeadlineJobsModule] : []),
      ],
      controllers: [HealthController, AuthController, StaffController, MetricsController, ProjectionsStatusController],
      providers: [
        FirstAdministrator,
        Metrics,
        DeadlineMetrics,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
