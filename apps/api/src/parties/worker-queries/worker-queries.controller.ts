import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import type { Actor } from '#domain';
import { disputeCasesProjection, partiesProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { CurrentActor } from '../../shared/actor.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { IdNumberAccess } from './id-number-access.js';
import { ListWorkersQuery } from './list-workers.query.js';
import { WorkerQueries } from './worker-queries.service.js';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/workers')
export class WorkerQueriesController {
  constructor(
    private readonly queries: WorkerQueries,
    private readonly access: IdNumberAccess,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List workers: search by name (Chinese) or by full ID number; ID and phone numbers masked' })
  async list(@Query() query: ListWorkersQuery, @Res({ passthrough: true }) res: Response) {
    await this.freshness.await(partiesProjection.name, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A worker’s page with every case they are in; the full ID and phone numbers only for supervisors, administrators and the mediator of one of those cases' })
  @ApiQuery({ name: 'minPosition', required: false })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.freshness.await(partiesProjection.name, minPosition, res);
    await this.freshness.await(disputeCasesProjection.name, minPosition, res);
    const found = await this.queries.get(id);
    if (!found) throw new NotFoundException(`no worker ${id}`);
    const { worker, employerName } = found;
    res.setHeader('ETag', etagOf(worker.revision));
    return {
      id: worker.id,
      revision: Number(worker.revision),
      name: worker.name,
      ...(await this.access.show(actor, worker.id, worker)),
      employer: worker.employerId ? { id: worker.employerId, name: employerName } : null,
      notes: worker.notes,
      registeredAt: worker.registeredAt.toISOString(),
      cases: await this.queries.cases(worker.id),
    };
  }
}
