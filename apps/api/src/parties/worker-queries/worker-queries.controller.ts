import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditReads } from '#audit';
import { Allowed, READERS } from '#auth';
import type { Actor } from '#domain';
import { disputeCasesProjection, partiesProjection, recoveriesProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { WorkerListPage, WorkerPage } from '../party-views.dto.js';
import { CurrentActor } from '../../shared/actor.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { IdNumberAccess } from './id-number-access.js';
import { ListWorkersQuery } from './list-workers.query.js';
import { WorkerQueries } from './worker-queries.service.js';
import { UuidParam } from '../../http/uuid-param.js';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/workers')
export class WorkerQueriesController {
  constructor(
    private readonly queries: WorkerQueries,
    private readonly access: IdNumberAccess,
    private readonly freshness: ReadModelFreshness,
    private readonly reads: AuditReads,
  ) {}

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List workers: search by name (Chinese) or by full ID number; ID and phone numbers masked' })
  @ApiOkResponse({ type: WorkerListPage })
  async list(@Query() query: ListWorkersQuery, @Res({ passthrough: true }) res: Response): Promise<WorkerListPage> {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A worker’s page with every case they are in; the full ID and phone numbers only for supervisors, administrators and the mediator of one of those cases' })
  @ApiOkResponse({ type: WorkerPage })
  async get(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WorkerPage> {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    await this.freshness.await(disputeCasesProjection.name, query.minPosition, res);
    await this.freshness.await(recoveriesProjection.name, query.minPosition, res);
    const found = await this.queries.get(id);
    if (!found) throw new RecordNotFound({ zh: '职工', en: 'worker' }, id);
    const { worker, employerName } = found;
    res.setHeader('ETag', etagOf(worker.revision));
    const numbers = await this.access.show(actor, worker.id, worker);
    // Who looked at whose personal data: every auditor's look, and every look at the full numbers (never the numbers themselves).
    if (actor.role === 'auditor' || !numbers.idNumberMasked) {
      await this.reads.record({ readAt: meta.receivedAt, staffId: actor.staffId, role: actor.role, subjectKind: 'worker', subjectId: worker.id, fullNumbers: !numbers.idNumberMasked, correlationId: meta.correlationId });
    }
    return {
      id: worker.id,
      revision: Number(worker.revision),
      name: worker.name,
      ...numbers,
      employer: worker.employerId ? { id: worker.employerId, name: employerName } : null,
      notes: worker.notes,
      registeredAt: worker.registeredAt.toISOString(),
      cases: await this.queries.cases(worker.id),
    };
  }
}
