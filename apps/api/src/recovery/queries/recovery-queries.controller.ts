import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allowed, StaffDirectory } from '#auth';
import { findStaff } from '#domain';
import { disputeCasesProjection, recoveriesProjection } from '#read-models';
import type { Response } from 'express';
import { isCalendarDate } from '../../http/field-decorators.js';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { Meta, type RequestMeta } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { RecoveryStats } from '../report/recovery-stats.service.js';
import { RecoveryStatsView } from '../report/recovery-stats.dto.js';
import { LedgerQuery, ListRecoveriesQuery, RecoveryStatsQuery } from './recovery-queries.query.js';
import { RecoveryQueries } from './recovery-queries.service.js';
import { RecoveryLedgerView, RecoveryListPage } from './recovery-views.dto.js';

const CASE = { zh: '案件', en: 'dispute case' };
const PROJECTION = recoveriesProjection.name;
/** Who reads the money: the caseworkers, and the auditors. */
export const RECOVERY_READERS = ['mediator', 'supervisor', 'auditor'] as const;

@ApiTags('recovery')
@ApiBearerAuth()
@Allowed(...RECOVERY_READERS)
@Controller('api')
export class RecoveryQueriesController {
  constructor(
    private readonly queries: RecoveryQueries,
    private readonly stats: RecoveryStats,
    private readonly freshness: ReadModelFreshness,
    private readonly staff: StaffDirectory,
  ) {}

  @Get('disputes/:id/recovery')
  @ApiOperation({
    summary:
      'A case’s recovery ledger: totals, each worker’s money and payouts, the plan with each instalment’s state, receipts, held money with its ageing, write-offs, history; with asOf an instant or a position, as it stood then (replayed from its events)',
  })
  @ApiParam({ name: 'id', description: 'The dispute case' })
  @ApiOkResponse({ type: RecoveryLedgerView, description: 'The ledger; its ETag is the revision to send as If-Match with the next money command' })
  async ledger(@UuidParam('id') id: string, @Query() query: LedgerQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<RecoveryLedgerView> {
    const roster = await this.staff.current();
    const names = { staffName: (staffId: string) => findStaff(roster, staffId)?.displayName };
    if (query.asOf && !isCalendarDate(query.asOf)) {
      // As it stood at an instant or a log position: replayed from the events, no ETag (not for a command).
      const then = await this.queries.ledgerAsOf(id, query.asOf, meta.lang, names);
      if (!then) throw new RecordNotFound(CASE, id);
      return then;
    }
    // The ledger's page reads the case too (is there one, its agreement in force).
    await this.freshness.await(disputeCasesProjection.name, query.minPosition, res);
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const view = await this.queries.ledger(id, query.asOf ?? this.queries.today(), meta.lang, names);
    if (!view) throw new RecordNotFound(CASE, id);
    if (view.revision >= 0) res.setHeader('ETag', etagOf(view.revision));
    return view;
  }

  @Get('recoveries')
  @ApiOperation({ summary: 'Cases with money still outstanding (by default), most overdue first' })
  @ApiOkResponse({ type: RecoveryListPage })
  async list(@Query() query: ListRecoveriesQuery, @Res({ passthrough: true }) res: Response): Promise<RecoveryListPage> {
    await this.freshness.await(disputeCasesProjection.name, query.minPosition, res);
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.queries.list(query);
  }

  @Get('recoveries/stats')
  @ApiOperation({ summary: 'Period-report figures: wages received from employers, paid out to workers, still outstanding at the end; each with its definition' })
  @ApiOkResponse({ type: RecoveryStatsView })
  async figures(@Query() query: RecoveryStatsQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<RecoveryStatsView> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.stats.figures(query.from, query.to, meta.lang);
  }
}
