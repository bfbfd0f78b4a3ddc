import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { auditedAidFund } from '#audit';
import { Allowed, READERS, StaffDirectory } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { aidFundsProjection } from '#read-models';
import type { Response } from 'express';
import { AsOfReplays } from '../../audit/as-of-replays.service.js';
import { etagOf } from '../../http/if-match.js';
import { RecordNotFound, RequestValidationError } from '../../http/problem.js';
import { Command, Meta, type RequestMeta } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../shared/read-model-freshness.js';
import { aidFunds } from '../shared/aid.aggregates.js';
import { AidQueries } from '../shared/aid-queries.service.js';
import { OneAtATime } from '../shared/one-at-a-time.js';
import { aidTimeline } from '../shared/aid-timeline.js';
import { fundPageOf } from './fund-as-of.js';
import { AidTimelineEntryView, CorrectIncomeDto, FundPage, FundPageQuery, FundView, IncomeAnswer, OpenFundDto, RecordIncomeDto } from './fund.dto.js';

const FUND = { zh: '帮扶资金账户', en: 'aid fund' };
const PROJECTION = aidFundsProjection.name;

/** The aid funds: opened by an administrator or a fund officer, income recorded by fund officers, read by every role. */
@ApiTags('aid')
@ApiBearerAuth()
@Controller('api/aid/funds')
export class FundsController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: AidQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly staff: StaffDirectory,
    private readonly perFund: OneAtATime,
    private readonly replays: AsOfReplays,
  ) {}

  @Post()
  @Allowed('administrator', 'fund_officer')
  @ApiOperation({ summary: 'Open an aid fund (the hardship-aid fund, the medical mutual-aid fund)' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/aid/funds/${id}` })
  async open(@Body() dto: OpenFundDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const fundId = meta.newId();
    const result = await this.commands.execute(aidFunds, { type: 'OpenAidFund', data: { fundId, name: dto.name, kind: dto.kind } }, meta);
    return commandAnswer(fundId, result);
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'Every fund with its balance and available money' })
  @ApiOkResponse({ type: [FundView] })
  async list(@Query() query: FreshnessQuery, @Res({ passthrough: true }) res: Response): Promise<FundView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    return this.queries.funds();
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A fund: balance, available, and for a date range its income by source and its disbursements by programme; with asOf, as it stood then (replayed from its events)' })
  @ApiOkResponse({ type: FundPage, description: 'The fund; its ETag is the revision to send as If-Match (not sent as of a moment)' })
  async get(@UuidParam('id') id: string, @Query() query: FundPageQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<FundPage> {
    if (query.from && query.to && query.from > query.to) throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must be on or after from' }] }]);
    if (query.asOf) {
      const replayed = await this.replays.replay(auditedAidFund, id, query.asOf);
      if (!replayed?.state || !replayed.lastEvent) throw new RecordNotFound(FUND, id);
      return { ...fundPageOf(replayed.state, Number(replayed.lastEvent.revision), query), asOfReplay: this.replays.page(replayed, query.asOf, meta.lang) };
    }
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const row = await this.queries.fund(id);
    if (!row) throw new RecordNotFound(FUND, id);
    res.setHeader('ETag', etagOf(row.revision));
    const range = { from: query.from, to: query.to };
    return {
      ...this.queries.fundView(row),
      range: { from: query.from ?? null, to: query.to ?? null },
      income: await this.queries.income(id, range),
      disbursementsByProgramme: await this.queries.disbursementsByProgramme(id, range),
    };
  }

  @Get(':id/timeline')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'Everything that happened on a fund, one sentence each (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: [AidTimelineEntryView] })
  async timeline(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response): Promise<AidTimelineEntryView[]> {
    await this.freshness.await(PROJECTION, query.minPosition, res);
    const entries = await this.queries.timeline({ fundId: id });
    if (!entries.length) throw new RecordNotFound(FUND, id);
    return aidTimeline(entries, meta.lang, await this.staff.current());
  }

  @Post(':id/income')
  @HttpCode(201)
  @Allowed('fund_officer')
  @ApiParam({ name: 'id', description: 'The fund' })
  @ApiOperation({ summary: 'Record income: a district allocation, a donation (donor and receipt), member contributions, other' })
  @ApiCreatedResponse({ type: IncomeAnswer, description: 'The fund’s new revision (also the ETag) and the entry' })
  @CommandRoute()
  async income(@UuidParam('id') fundId: string, @Body() dto: RecordIncomeDto, @Command() meta: CommandMeta): Promise<IncomeAnswer> {
    const entryId = meta.newId();
    const result = await this.perFund.run(fundId, () => this.commands.execute(aidFunds, { type: 'RecordAidIncome', data: { fundId, entryId, ...dto } }, meta));
    return { ...commandAnswer(fundId, result), entryId };
  }

  @Post(':id/income/:entryId/corrections')
  @HttpCode(201)
  @Allowed('fund_officer')
  @ApiParam({ name: 'id', description: 'The fund' })
  @ApiParam({ name: 'entryId', description: 'The income entry to reverse' })
  @ApiOperation({ summary: 'Correct income: a reversing entry with the reason (never an edit)' })
  @ApiCreatedResponse({ type: IncomeAnswer, description: 'The fund’s new revision and the reversing entry' })
  @CommandRoute()
  async correct(@UuidParam('id') fundId: string, @UuidParam('entryId') correctsEntryId: string, @Body() dto: CorrectIncomeDto, @Command() meta: CommandMeta): Promise<IncomeAnswer> {
    const entryId = meta.newId();
    const result = await this.perFund.run(fundId, () => this.commands.execute(aidFunds, { type: 'CorrectAidIncome', data: { fundId, entryId, correctsEntryId, reason: dto.reason } }, meta));
    return { ...commandAnswer(fundId, result), entryId };
  }
}
