import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import { aidPeopleProjection } from '#read-models';
import type { Response } from 'express';
import { etagOf } from '../../../http/if-match.js';
import { RecordNotFound } from '../../../http/problem.js';
import { Command, Meta, type RequestMeta } from '../../../http/request-meta.js';
import { UuidParam } from '../../../http/uuid-param.js';
import { CommandAnswer } from '../../../shared/command-answer.dto.js';
import { CommandRoute } from '../../../shared/command-route.js';
import { RequestValidationError } from '../../../http/problem.js';
import { FreshnessQuery } from '../../../shared/freshness.query.js';
import { ReadModelFreshness } from '../../../shared/read-model-freshness.js';
import { careVisitStreamName } from '#domain';
import { AidStreams } from '../../shared/aid-streams.service.js';
import { careVisits } from '../beneficiary-aggregates.js';
import { BeneficiaryFactsService } from '../beneficiary-facts.service.js';
import { AID_RECORDERS, WithdrawVisitDto } from '../beneficiary-fields.js';
import { AidPeopleQueries } from '../queries/aid-people-queries.service.js';
import { CareVisitListPage, CareVisitPage, ListCareVisitsQuery, RecordCareVisitDto } from './care-visit.dto.js';

/** Care visits (走访慰问): one person-visit (人次) each, to a household in hardship or a model worker. */
@ApiTags('aid: care visits')
@ApiBearerAuth()
@Controller('api/aid/care-visits')
export class CareVisitsController {
  constructor(
    private readonly commands: Commands,
    private readonly facts: BeneficiaryFactsService,
    private readonly queries: AidPeopleQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly streams: AidStreams,
  ) {}

  @Post()
  @Allowed(...AID_RECORDERS)
  @ApiOperation({
    summary: 'Record a care visit: who went to which household or model worker on which day, under which programme, and what was given',
    description:
      'The visitee must be on file on the day of the visit (a household with an open hardship file, a model worker on the roll): otherwise 422 VISITEE_NOT_ELIGIBLE. ' +
      'A programmeId must name an aid programme (422 PROGRAMME_NOT_FOUND); a disbursementId a disbursement of the fund (422 DISBURSEMENT_NOT_FOUND) granted to the one visited (DISBURSEMENT_NOT_FOR_VISITEE) ' +
      'under the programme named (DISBURSEMENT_OTHER_PROGRAMME; unnamed, the visit is under its programme), and the money given through it is at most what it paid (MONEY_ABOVE_DISBURSEMENT).',
  })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (id) => `/api/aid/care-visits/${id}` })
  async record(@Body() dto: RecordCareVisitDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    // The visitee's file as of the visit day, from its own stream: decide() checks it.
    const visitee = { kind: dto.visitee.kind, id: dto.visitee.id.toLowerCase() };
    // The programme and the disbursement it names, from their streams: decide() checks they exist and fit the visit.
    // Ids as the system made them (lower case); a client may send a UUID in capitals.
    const programmeId = dto.programmeId?.trim().toLowerCase() || null;
    const disbursementId = dto.disbursementId?.trim().toLowerCase() || null;
    const [visiteeFacts, programme, disbursement] = await Promise.all([
      this.facts.factsOn(visitee, dto.visitedOn),
      programmeId ? this.streams.programme(programmeId) : null,
      disbursementId ? this.streams.disbursement(disbursementId) : null,
    ]);
    const visitId = meta.newId();
    const named = disbursement && {
      disbursementId: disbursement.disbursementId,
      programmeId: disbursement.programmeId,
      beneficiary: disbursement.beneficiary,
      status: disbursement.status,
      paidFen: disbursement.status === 'paid' ? disbursement.amountFen : 0,
    };
    return commandAnswer(
      visitId,
      await this.commands.execute(careVisits, { type: 'RecordCareVisit', data: { ...dto, programmeId, disbursementId, visitId, visitee, visiteeFacts, programme: programme && { programmeId: programme.programmeId }, disbursement: named } }, meta),
    );
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Allowed(...AID_RECORDERS)
  @ApiOperation({ summary: 'Withdraw a visit recorded in error, with the reason (it stays in the history, and no longer counts)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async withdraw(@UuidParam('id') visitId: string, @Body() dto: WithdrawVisitDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(visitId, await this.commands.execute(careVisits, { type: 'WithdrawCareVisit', data: { visitId, reason: dto.reason } }, meta));
  }

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'List care visits: by kind of visitee, visitee, programme and dates (newest first)' })
  @ApiOkResponse({ type: CareVisitListPage })
  async list(@Query() query: ListCareVisitsQuery, @Res({ passthrough: true }) res: Response): Promise<CareVisitListPage> {
    if (query.from && query.to && query.from > query.to) {
      throw new RequestValidationError([{ field: 'to', messages: [{ zh: '不能早于起始日期', en: 'must be on or after from' }] }]);
    }
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const { withdrawn, ...rest } = query;
    return this.queries.careVisits({ ...rest, includeWithdrawn: withdrawn === 'yes' });
  }

  @Get(':id')
  @Allowed(...READERS)
  @ApiOperation({ summary: 'A care visit and its history (Accept-Language: zh-CN or en)' })
  @ApiOkResponse({ type: CareVisitPage })
  async get(
    @UuidParam('id') id: string,
    @Query() query: FreshnessQuery,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CareVisitPage> {
    await this.freshness.await(aidPeopleProjection.name, query.minPosition, res);
    const visit = await this.queries.careVisit(id);
    if (!visit) throw new RecordNotFound({ zh: '走访记录', en: 'care visit' }, id);
    res.setHeader('ETag', etagOf(visit.revision));
    return { ...visit, history: await this.queries.history(careVisitStreamName(id), meta.lang) };
  }
}
