import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS, StaffDirectory } from '#auth';
import { CLOCK, CommandMeta, Commands, type Clock } from '#commands';
import { beijingDay, type AidFundCommand, type AidFundState, type Bilingual, type Issued } from '#domain';
import { aidFundsProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound } from '../../http/problem.js';
import { Command, Meta, type RequestMeta } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { CommandRoute } from '../../shared/command-route.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { AidTimelineEntryView } from '../funds/fund.dto.js';
import { BENEFICIARY_FACTS_READER, type BeneficiaryFactsReader } from '../funds/beneficiary-facts.reader.js';
import { disbursementAt, disbursementIndex } from '../shared/aid.aggregates.js';
import { AidQueries } from '../shared/aid-queries.service.js';
import { AidStreams } from '../shared/aid-streams.service.js';
import { OneAtATime } from '../shared/one-at-a-time.js';
import { aidTimeline } from '../shared/aid-timeline.js';
import {
  ApproveDisbursementDto,
  DisbursementAnswer,
  DisbursementListPage,
  DisbursementReasonDto,
  DisbursementView,
  ListDisbursementsQuery,
  PayDisbursementDto,
  RequestDisbursementDto,
} from './disbursement.dto.js';

const DISBURSEMENT: Bilingual = { zh: '帮扶资金发放', en: 'disbursement' };
const PROJECTION = aidFundsProjection.name;
type DisbursementCommand = Exclude<Issued<AidFundCommand>, { type: 'OpenAidFund' | 'RecordAidIncome' | 'CorrectAidIncome' | 'RequestDisbursement' }>;

/**
 * Disbursements: a fund officer requests, a supervisor who did not request it approves or
 * rejects, a fund officer records the payment; either may cancel before payment. Each lives in
 * its fund's stream, so an approval is decided against the fund's money at that revision.
 */
@ApiTags('aid')
@ApiBearerAuth()
@Controller('api/aid/disbursements')
export class DisbursementsController {
  constructor(
    private readonly commands: Commands,
    private readonly streams: AidStreams,
    private readonly queries: AidQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly staff: StaffDirectory,
    private readonly perFund: OneAtATime,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BENEFICIARY_FACTS_READER) private readonly beneficiaries: BeneficiaryFactsReader,
  ) {}

  @Post()
  @Allowed('fund_officer')
  @ApiOperation({ summary: 'Request a disbursement (the programme’s eligibility rule and cap are checked on the day asked for: `requestedOn`, or today)' })
  @ApiCreatedResponse({ type: DisbursementAnswer })
  @CommandRoute({ location: (id) => `/api/aid/disbursements/${id}` })
  async request(@Body() dto: RequestDisbursementDto, @Command() meta: CommandMeta): Promise<DisbursementAnswer> {
    const disbursementId = meta.newId();
    // Eligibility is read on the day it was asked for (a request entered after the fact: that day; decide checks the day itself).
    const day = dto.requestedOn ?? beijingDay(meta.occurredAt(this.clock));
    const beneficiary = { kind: dto.beneficiary.kind, id: dto.beneficiary.id };
    const [programme, facts] = await Promise.all([this.streams.programme(dto.programmeId), this.beneficiaries.factsOn(beneficiary, day)]);
    const command: Issued<AidFundCommand> = {
      type: 'RequestDisbursement',
      data: { fundId: dto.fundId, disbursementId, programmeId: dto.programmeId, programme, beneficiary, facts, amountFen: dto.amountFen, reason: dto.reason, ...(dto.requestedOn ? { requestedOn: dto.requestedOn } : {}) },
    };
    // If-Match does not apply to a new record; the fund's own revision is not the client's business here.
    const result = await this.perFund.run(dto.fundId, () =>
      this.commands.execute(disbursementAt(undefined), command, meta.sub('disbursement'), {
        // Filed first, so that approve, pay, … find the fund at once (idempotent: a retried append files nothing new).
        beforeAppend: async () => void (await this.commands.execute(disbursementIndex, { type: 'FileDisbursement', data: { disbursementId, fundId: dto.fundId } }, meta.sub('index'))),
      }),
    );
    return this.answer(disbursementId, dto.fundId, result);
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: "Disbursements; ?status=awaiting_approval is the supervisor's approval queue (oldest first)" })
  @ApiOkResponse({ type: DisbursementListPage })
  async list(@Query() query: ListDisbursementsQuery, @Res({ passthrough: true }) res: Response): Promise<DisbursementListPage> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.queries.disbursements(query) as Promise<DisbursementListPage>;
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A disbursement; its ETag is its own revision, to send as If-Match' })
  @ApiOkResponse({ type: DisbursementView })
  async get(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Res({ passthrough: true }) res: Response): Promise<DisbursementView> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const view = await this.queries.disbursement(id);
    if (!view) throw new RecordNotFound(DISBURSEMENT, id);
    res.setHeader('ETag', etagOf(view.revision));
    return view as DisbursementView;
  }

  @Get(':id/timeline')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A disbursement’s history, one sentence each (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: [AidTimelineEntryView] })
  async timeline(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<AidTimelineEntryView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const entries = await this.queries.timeline({ disbursementId: id });
    if (!entries.length) throw new RecordNotFound(DISBURSEMENT, id);
    return aidTimeline(entries, meta.lang, await this.staff.current());
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allowed('supervisor', 'fund_officer')
  @ApiParam({ name: 'id', description: 'The disbursement' })
  @ApiOperation({ summary: 'Approve: a supervisor who did not request it; refused when the fund’s available money would go below zero. `approvedOn` dates an approval entered after the fact' })
  @ApiOkResponse({ type: DisbursementAnswer })
  @CommandRoute()
  approve(@UuidParam('id') id: string, @Body() dto: ApproveDisbursementDto, @Command() meta: CommandMeta): Promise<DisbursementAnswer> {
    return this.change(id, meta, (fundId) => ({ type: 'ApproveDisbursement', data: { fundId, disbursementId: id, ...(dto.note ? { note: dto.note } : {}), ...(dto.approvedOn ? { approvedOn: dto.approvedOn } : {}) } }));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Allowed('supervisor', 'fund_officer')
  @ApiParam({ name: 'id', description: 'The disbursement' })
  @ApiOperation({ summary: 'Reject, with the reason: a supervisor who did not request it' })
  @ApiOkResponse({ type: DisbursementAnswer })
  @CommandRoute()
  reject(@UuidParam('id') id: string, @Body() dto: DisbursementReasonDto, @Command() meta: CommandMeta): Promise<DisbursementAnswer> {
    return this.change(id, meta, (fundId) => ({ type: 'RejectDisbursement', data: { fundId, disbursementId: id, reason: dto.reason } }));
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Allowed('fund_officer')
  @ApiParam({ name: 'id', description: 'The disbursement' })
  @ApiOperation({ summary: 'Record that an approved disbursement was paid: method, reference, day' })
  @ApiOkResponse({ type: DisbursementAnswer })
  @CommandRoute()
  pay(@UuidParam('id') id: string, @Body() dto: PayDisbursementDto, @Command() meta: CommandMeta): Promise<DisbursementAnswer> {
    return this.change(id, meta, (fundId) => ({ type: 'PayDisbursement', data: { fundId, disbursementId: id, ...dto } }));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allowed('fund_officer', 'supervisor')
  @ApiParam({ name: 'id', description: 'The disbursement' })
  @ApiOperation({ summary: 'Cancel before payment, with the reason (an approved amount goes back to what is available)' })
  @ApiOkResponse({ type: DisbursementAnswer })
  @CommandRoute()
  cancel(@UuidParam('id') id: string, @Body() dto: DisbursementReasonDto, @Command() meta: CommandMeta): Promise<DisbursementAnswer> {
    return this.change(id, meta, (fundId) => ({ type: 'CancelDisbursement', data: { fundId, disbursementId: id, reason: dto.reason } }));
  }

  /** One hop to the loop: find the disbursement's fund, then run the command on the fund's stream (If-Match: the disbursement's revision). */
  private async change(id: string, meta: CommandMeta, command: (fundId: string) => DisbursementCommand): Promise<DisbursementAnswer> {
    const fundId = await this.streams.fundOfDisbursement(id);
    if (!fundId) throw new RecordNotFound(DISBURSEMENT, id);
    const result = await this.perFund.run(fundId, () => this.commands.execute(disbursementAt(meta.expectedRevision), command(fundId), meta.sub('disbursement')));
    return this.answer(id, fundId, result);
  }

  private answer(id: string, fundId: string, result: { state: AidFundState; position: string | null }): DisbursementAnswer {
    const d = result.state?.disbursements.get(id);
    if (!d) throw new RecordNotFound(DISBURSEMENT, id);
    return { id, fundId, status: d.status, revision: d.version, position: result.position };
  }
}
