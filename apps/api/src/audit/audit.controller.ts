import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, getSchemaPath, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuditLog, AuditReads, LogNotIntact, readTrail, type EventFilter, type StoredCheckpoint } from '#audit';
import { Allowed } from '#auth';
import { CLOCK, type Clock } from '#commands';
import { DomainError, NotFoundError, type Actor } from '#domain';
import { isPosition, parsePosition } from '#event-store';
import type { Response } from 'express';
import { CurrentActor } from '../shared/actor.js';
import { AUDITORS } from './auditors.js';
import { ConsistencyQuery, ExportQuery, InclusionQuery, ReadsQuery, VerifyQuery } from './audit-queries.dto.js';
import { AuditReadView, CheckpointFileView, ConsistencyProofView, InclusionProofView, PublicKeyView, SignedCheckpointView, TrailLineView, VerifyReportView } from './audit-views.dto.js';
import { AuditSigningKey } from './audit.providers.js';
import { writeLines } from './write-lines.js';
import { UuidParam } from '../http/uuid-param.js';

const noCheckpoint = (id?: string) =>
  new NotFoundError('CHECKPOINT_NOT_FOUND', id ? { zh: `没有编号为 ${id} 的审计检查点`, en: `there is no audit checkpoint ${id}` } : { zh: '尚未签署任何审计检查点', en: 'no audit checkpoint has been signed yet' }, id ? { id } : {});

/** An inclusive lower bound as the reader's exclusive one: the position just before. */
function justBefore(position: string): string {
  const { tx, seq } = parsePosition(position);
  if (seq > 0n) return `${tx}:${seq - 1n}`;
  return tx > 0n ? `${tx - 1n}:9223372036854775807` : '0:0';
}

export function exportFilter(q: ExportQuery): EventFilter {
  const filter: EventFilter = { stream: q.stream, batchSize: 2000 };
  if (q.from) {
    if (isPosition(q.from)) filter.afterPosition = justBefore(q.from);
    else filter.fromRecordedAt = new Date(q.from);
  }
  if (q.to) {
    if (isPosition(q.to)) filter.throughPosition = q.to;
    else filter.toRecordedAt = new Date(q.to);
  }
  return filter;
}

/**
 * The auditor's tools over the event log itself: verification, signed checkpoints, proofs,
 * the trail's export, and the log of who read whose personal data. Read-only for casework:
 * a checkpoint records a signature in the audit's own table, never an event.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Allowed(...AUDITORS)
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLog,
    private readonly reads: AuditReads,
    private readonly key: AuditSigningKey,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('verify')
  @ApiOperation({ summary: 'Recompute every event’s hash, each stream’s chain, the Merkle tree and each signed checkpoint; name the first stream, revision and event that does not match' })
  @ApiOkResponse({ type: VerifyReportView })
  async verify(@Query() q: VerifyQuery): Promise<VerifyReportView> {
    const started = process.hrtime.bigint();
    const report = await this.audit.verify({ stream: q.stream });
    return { ...report, stream: q.stream ?? null, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  }

  @Post('checkpoints')
  @HttpCode(201)
  @ApiOperation({ summary: 'Anchor the log up to now and sign a checkpoint { position, size, rootHash, headsDigest, signedAt } (Ed25519)' })
  @ApiCreatedResponse({ type: SignedCheckpointView })
  @ApiUnprocessableEntityResponse({ description: 'AUDIT_LOG_NOT_INTACT: an event since the last checkpoint does not match its hash or chain; nothing is signed' })
  async sign(@CurrentActor() actor: Actor): Promise<StoredCheckpoint> {
    try {
      return (await this.audit.checkpoint(this.key.get().privateKey, this.clock.now(), actor.staffId))!;
    } catch (error) {
      if (error instanceof LogNotIntact) {
        const { message, ...where } = error.problem;
        throw new DomainError('AUDIT_LOG_NOT_INTACT', { zh: `日志不完整，未签署检查点：${message.zh}`, en: `the log is not intact, no checkpoint was signed: ${message.en}` }, where);
      }
      throw error;
    }
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'The signed checkpoints, newest first (at most 100)' })
  @ApiOkResponse({ type: [SignedCheckpointView] })
  async checkpoints(): Promise<StoredCheckpoint[]> {
    return this.audit.checkpoints(100);
  }

  @Get('checkpoints/:id')
  @ApiOperation({ summary: 'A checkpoint as the auditor keeps it outside the system (cp.json for audit:verify-offline): signed statement, public key, every stream’s head' })
  @ApiOkResponse({ type: CheckpointFileView })
  async checkpointFile(@UuidParam('id') id: string): Promise<CheckpointFileView> {
    const cp = await this.audit.findCheckpoint(id);
    if (!cp) throw noCheckpoint(id);
    return this.audit.checkpointFile(cp);
  }

  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 public key checkpoints are signed with (keep it with them)' })
  @ApiOkResponse({ type: PublicKeyView })
  publicKey(): PublicKeyView {
    const { publicKeyPem, keyId } = this.key.get();
    return { algorithm: 'Ed25519', keyId, publicKey: publicKeyPem };
  }

  @Get('proofs/inclusion')
  @ApiOperation({ summary: 'RFC 9162 audit path of an event under a checkpoint (the latest by default)' })
  @ApiOkResponse({ type: InclusionProofView })
  async inclusion(@Query() q: InclusionQuery): Promise<InclusionProofView> {
    const proof = await this.audit.inclusionProof(q.eventId, q.checkpoint);
    if (proof === 'no_checkpoint') throw noCheckpoint(q.checkpoint);
    if (proof === 'no_event') throw new NotFoundError('EVENT_NOT_FOUND', { zh: `日志中没有编号为 ${q.eventId} 的事件`, en: `the log has no event ${q.eventId}` }, { eventId: q.eventId });
    if (proof === 'not_covered')
      throw new DomainError('EVENT_NOT_YET_ANCHORED', { zh: '该事件晚于此检查点，尚未被其覆盖：请签署新的检查点', en: 'the event is later than this checkpoint and not covered by it: sign a new checkpoint' }, { eventId: q.eventId });
    return proof;
  }

  @Get('proofs/consistency')
  @ApiOperation({ summary: 'RFC 9162 consistency proof: checkpoint `to` extends checkpoint `from`' })
  @ApiOkResponse({ type: ConsistencyProofView })
  async consistency(@Query() q: ConsistencyQuery): Promise<ConsistencyProofView> {
    const proof = await this.audit.consistencyProof(q.from, q.to);
    if (proof === 'no_checkpoint') throw new NotFoundError('CHECKPOINT_NOT_FOUND', { zh: '找不到其中一个审计检查点', en: 'one of the audit checkpoints does not exist' }, { from: q.from, to: q.to });
    if (proof === 'not_later') throw new DomainError('CHECKPOINTS_OUT_OF_ORDER', { zh: '`from` 须为较早（较小）的检查点', en: '`from` must be the earlier (smaller) checkpoint' }, { from: q.from, to: q.to });
    return proof;
  }

  @Get('export')
  @ApiOperation({ summary: 'The audit trail as JSON Lines (one event a line: position, stream, revision, hashes, actor), streamed; the whole log from its start is what audit:verify-offline reads' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'JSON Lines, one event per line (this schema), in log order', content: { 'application/x-ndjson': { schema: { $ref: getSchemaPath(TrailLineView) } } } })
  @ApiExtraModels(TrailLineView)
  async export(@Query() q: ExportQuery, @Res() res: Response): Promise<void> {
    res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-trail.jsonl"`);
    await writeLines(res, readTrail(this.audit.pool, exportFilter(q)), (e) => `${JSON.stringify({ ...e, actor: e.metadata.actor ?? null })}\n`);
  }

  @Get('reads')
  @ApiOperation({ summary: 'Who looked at whose personal data (worker pages), newest first (at most 500)' })
  @ApiOkResponse({ type: [AuditReadView] })
  async readsLog(@Query() q: ReadsQuery): Promise<AuditReadView[]> {
    return this.reads.list({ staffId: q.staffId, subjectId: q.subjectId, limit: 500 });
  }
}
