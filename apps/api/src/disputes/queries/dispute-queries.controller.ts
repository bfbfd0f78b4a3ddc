import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditedDisputeCase } from '#audit';
import { Allowed, READERS, StaffDirectory } from '#auth';
import { describeDisputeEvent, domainEventOf, findStaff, type DisputeCaseEvent } from '#domain';
import { disputeCasesProjection, recoveriesProjection } from '#read-models';
import type { Response } from 'express';
import { AsOfReplays } from '../../audit/as-of-replays.service.js';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { DisputeQueries } from './dispute-queries.service.js';
import { CasePage, DisputeListPage, TimelineEntryView } from './dispute-views.dto.js';
import { CasePageQuery, ListDisputesQuery } from './list-disputes.query.js';
import { UuidParam } from '../../http/uuid-param.js';
import { RecoveryQueries } from '../../recovery/queries/recovery-queries.service.js';

const CASE = { zh: '案件', en: 'dispute case' };

const PROJECTION = disputeCasesProjection.name;

@ApiTags('disputes')
@ApiBearerAuth()
@Allowed(...READERS)
@Controller('api/disputes')
export class DisputeQueriesController {
  constructor(
    private readonly queries: DisputeQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly staff: StaffDirectory,
    private readonly recovery: RecoveryQueries,
    private readonly replays: AsOfReplays,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List cases: filter, search (Chinese), sort, page' })
  @ApiOkResponse({ type: DisputeListPage })
  async list(@Query() query: ListDisputesQuery, @Res({ passthrough: true }) res: Response): Promise<DisputeListPage> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case page: claimants, claims, referrals, sessions, follow-ups, agreement, outcome; with asOf, as it stood then (replayed from its events)' })
  @ApiOkResponse({ type: CasePage, description: 'The case; its ETag is the revision to send as If-Match' })
  async get(@UuidParam('id') id: string, @Query() query: CasePageQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<CasePage> {
    if (query.asOf) {
      // As it stood then: the case and its money replayed from their events; no ETag (not for a command).
      const replayed = await this.replays.replay(auditedDisputeCase, id, query.asOf);
      if (!replayed?.state || !replayed.lastEvent) throw new RecordNotFound(CASE, id);
      const state = replayed.state;
      const recovery = await this.recovery.summaryAsOf(id, state.agreement?.agreementId ?? null, query.asOf, meta.lang);
      const mediatorName = state.mediatorId ? ((await this.queries.staffNames([state.mediatorId])).get(state.mediatorId) ?? null) : null;
      return { id, revision: Number(replayed.lastEvent.revision), ...state, mediatorName, recovery, asOfReplay: this.replays.page(replayed, query.asOf, meta.lang) } as unknown as CasePage;
    }
    await this.freshness.await(PROJECTION, query.minPosition, res);
    await this.freshness.await(recoveriesProjection.name, query.minPosition, res);
    const row = await this.queries.get(id);
    if (!row) throw new RecordNotFound(CASE, id);
    res.setHeader('ETag', etagOf(row.revision));
    const agreementId = (row.detail.agreement as { agreementId?: string } | null)?.agreementId ?? null;
    const recovery = await this.recovery.summary(id, agreementId, meta.lang);
    return { id: row.id, revision: Number(row.revision), ...row.detail, mediatorName: row.mediatorName, recovery } as unknown as CasePage;
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Everything that happened on a case, one sentence each (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: [TimelineEntryView] })
  async timeline(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimelineEntryView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const entries = await this.queries.timeline(id);
    if (!entries.length) throw new RecordNotFound(CASE, id);
    const roster = await this.staff.current();
    const row = await this.queries.get(id);
    const claimants = new Map(((row?.detail.claimants as { claimantId: string; name: string }[] | undefined) ?? []).map((c) => [c.claimantId, c.name]));
    const names = {
      staffName: (staffId: string) => findStaff(roster, staffId)?.displayName,
      claimantName: (claimantId: string) => claimants.get(claimantId),
    };
    return entries.map((e) => ({
      revision: Number(e.revision),
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actor: { staffId: e.actorStaffId, role: e.actorRole },
      description: describeDisputeEvent(domainEventOf<DisputeCaseEvent>(e), meta.lang, { actorId: e.actorStaffId, ...names }),
      data: e.data,
    }));
  }
}
