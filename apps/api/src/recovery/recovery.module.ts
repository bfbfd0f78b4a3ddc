import { Module } from '@nestjs/common';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { RecoveryCommandsController } from './commands/recovery-commands.controller.js';
import { RecoveryQueriesController } from './queries/recovery-queries.controller.js';
import { RecoveryQueries } from './queries/recovery-queries.service.js';
import { RecoveryStats } from './report/recovery-stats.service.js';
import { RecoveryCases } from './shared/recovery-cases.js';

/** Wage recovery: the ledger per case, from the agreement to the last fen paid (issue 10). */
@Module({
  controllers: [RecoveryCommandsController, RecoveryQueriesController],
  providers: [RecoveryCases, RecoveryQueries, RecoveryStats, ReadModelFreshness],
  exports: [RecoveryCases, RecoveryQueries],
})
export class RecoveryModule {}
