import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS, type AuthenticatedStaff } from '#auth';
import { deadlinesProjection } from '#read-models';
import type { Request, Response } from 'express';
import { FreshnessQuery } from '../shared/freshness.query.js';
import { ReadModelFreshness } from '../shared/read-model-freshness.js';
import { RecordNotFound } from '../http/problem.js';
import { UuidParam } from '../http/uuid-param.js';
import { DeadlineBoard, type BoardFilter } from './deadline-board.service.js';
import { DeadlineBoardQuery, DutiesQuery, InboxQuery } from './deadline-queries.dto.js';
import { DeadlineBoardPage, DutiesBoard, MediationClockView } from './deadline-views.dto.js';

const CASE = { zh: '案件', en: 'dispute case' };

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly board: DeadlineBoard,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get('api/deadlines')
  @Allowed('supervisor', 'mediator', 'auditor', 'administrator')
  @ApiOperation({
    summary:
      'The supervisor’s board: every running deadline (or those met): mediation, follow-up, instalments, disbursements and write-offs waiting for approval; with the case or fund, the rule, the due day, days over and who answers for it; filter by state, kind, mediator and due days',
  })
  @ApiOkResponse({ type: DeadlineBoardPage })
  async list(@Query() query: DeadlineBoardQuery, @Res({ passthrough: true }) res: Response): Promise<DeadlineBoardPage> {
    await this.freshness.await(deadlinesProjection.name, query.minPosition, res);
    return this.board.board(query);
  }

  @Get('api/deadlines/duties')
  @Allowed('supervisor', 'mediator', 'auditor', 'administrator')
  @ApiOperation({ summary: 'Cadre duties: per active mediator, trainings this year, key-enterprise visits this quarter, follow-ups per month; each met, due or missed' })
  @ApiOkResponse({ type: DutiesBoard })
  async duties(@Query() query: DutiesQuery): Promise<DutiesBoard> {
    return this.board.duties(query.year, query.quarter);
  }

  @Get('api/deadlines/cases/:id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A case’s mediation clock { receivedOn, dueOn, daysLeft, paused } and its running deadlines (its recovery’s instalments and write-offs waiting among them)' })
  @ApiOkResponse({ type: MediationClockView })
  async caseClock(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Res({ passthrough: true }) res: Response): Promise<MediationClockView> {
    await this.freshness.await(deadlinesProjection.name, query.minPosition, res);
    return (await this.board.caseClock(id)) ?? Promise.reject(new RecordNotFound(CASE, id));
  }

  @Get('api/inbox')
  @Allowed(...READERS)
  @ApiOperation({
    summary:
      'What is due for the signed-in person, overdue first, then due soon, a page at a time: a mediator’s own cases (mediation, follow-up, instalments); for a supervisor every case’s and every request waiting for approval but their own requests; for a fund officer the disbursements waiting for approval; for an auditor or administrator everything',
  })
  @ApiOkResponse({ type: DeadlineBoardPage })
  async inbox(@Req() req: Request, @Query() query: InboxQuery, @Res({ passthrough: true }) res: Response): Promise<DeadlineBoardPage> {
    await this.freshness.await(deadlinesProjection.name, query.minPosition, res);
    const user = (req as Request & { user: AuthenticatedStaff }).user;
    const mine: BoardFilter =
      user.role === 'mediator'
        ? { mediatorId: user.staffId, kinds: ['mediation', 'follow_up', 'instalment'] }
        : user.role === 'supervisor'
          ? { notRequestedBy: user.staffId }
          : user.role === 'fund_officer'
            ? { kinds: ['disbursement_approval'] }
            : {};
    return this.board.board({ ...mine, states: ['overdue', 'due_soon'], page: query.page, pageSize: query.pageSize });
  }
}
