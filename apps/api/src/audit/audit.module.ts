import { Global, Module } from '@nestjs/common';
import { AuditReads } from '#audit';
import { AsOfController } from './as-of.controller.js';
import { AsOfReplays } from './as-of-replays.service.js';
import { AuditController } from './audit.controller.js';
import { auditLogProvider, auditReadsProvider, AuditSigningKey, CheckpointTimer } from './audit.providers.js';

/**
 * The auditor's routes and the checkpoint timer. Global for AuditReads (record pages log who
 * read whose personal data) and AsOfReplays (the case, recovery and fund pages as of a moment).
 */
@Global()
@Module({
  // AuditController first: its fixed paths (checkpoints/:id, proofs/...) before the replay's :kind/:id.
  controllers: [AuditController, AsOfController],
  providers: [auditLogProvider, auditReadsProvider, AuditSigningKey, CheckpointTimer, AsOfReplays],
  exports: [AuditReads, AsOfReplays],
})
export class AuditModule {}
