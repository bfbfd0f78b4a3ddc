import { Global, Module } from '@nestjs/common';
import { AuditReads } from '#audit';
import { AsOfController } from './as-of.controller.js';
import { AuditController } from './audit.controller.js';
import { auditLogProvider, auditReadsProvider, AuditSigningKey, CheckpointTimer } from './audit.providers.js';

/** The auditor's routes and the checkpoint timer. Global for AuditReads: record pages log who read whose personal data. */
@Global()
@Module({
  // AuditController first: its fixed paths (checkpoints/:id, proofs/...) before the replay's :kind/:id.
  controllers: [AuditController, AsOfController],
  providers: [auditLogProvider, auditReadsProvider, AuditSigningKey, CheckpointTimer],
  exports: [AuditReads],
})
export class AuditModule {}
