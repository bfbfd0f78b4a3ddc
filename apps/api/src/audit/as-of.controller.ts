import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AUDITED_AGGREGATES, AuditLog, readTrail, type AuditedAggregate } from '#audit';
import { Allowed, StaffDirectory } from '#auth';
import { describeDisputeEvent, disputeCaseDecider, disputeStreamName, domainEventOf, findStaff, type DisputeCaseEvent, type DisputeCaseState } from '#domain';
import type { Response } from 'express';
import { RecordNotFound, RequestValidationError } from '../http/problem.js';
import { Meta, type RequestMeta } from '../http/request-meta.js';
import { UuidParam, UuidPipe } from '../http/uuid-param.js';
import { AsOfReplays } from './as-of-replays.service.js';
import { AUDITORS } from './auditors.js';
import { AsOfQuery } from './audit-queries.dto.js';
import { AsOfView } from './audit-views.dto.js';
import { writeLines } from './write-lines.js';

const KINDS = [...AUDITED_AGGREGATES.keys()];

function aggregateOf(kind: string): AuditedAggregate<unknown> {
  const found = AUDITED_AGGREGATES.get(kind);
  if (!found) throw new RequestValidationError([{ field: 'kind', messages: [{ zh: `须为以下之一：${KINDS.join('、')}`, en: `must be one of: ${KINDS.join(', ')}` }] }]);
  return found;
}

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Any audited record as of any moment, folded from its events by the domain's own decider
 * (never a read model), with its invariants re-checked at that moment and its events'
 * hashes and chain re-checked; and a case's timeline as CSV for a spreadsheet.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Allowed(...AUDITORS)
@Controller('api/audit')
export class AsOfController {
  constructor(
    private readonly audit: AuditLog,
    private readonly replays: AsOfReplays,
    private readonly staff: StaffDirectory,
  ) {}

  @Get('disputes/:id/timeline.csv')
  @ApiOperation({ summary: 'A case’s timeline from its events as CSV (UTF-8 with BOM, opens in a Chinese spreadsheet); Accept-Language picks the words' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header row, then one row per event: revision, position, recorded at, occurred at, actor, role, event type, description, hash',
    content: { 'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF line ends' } } },
  })
  async timelineCsv(@UuidParam('id') id: string, @Meta() meta: RequestMeta, @Res() res: Response): Promise<void> {
    const stream = disputeStreamName(id);
    const events = readTrail(this.audit.pool, { stream })[Symbol.asyncIterator]();
    const first = await events.next();
    if (first.done) throw new RecordNotFound({ zh: '案件', en: 'dispute case' }, id);
    const zh = meta.lang === 'zh';
    const header = zh ? ['版本', '日志位置', '记录时间', '发生时间', '操作人', '角色', '事件类型', '说明', '哈希'] : ['revision', 'position', 'recorded at', 'occurred at', 'actor', 'role', 'event type', 'description', 'hash'];
    res.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="case-${id}-timeline.csv"`);
    const all = (async function* () {
      yield first.value;
      for (let n = await events.next(); !n.done; n = await events.next()) yield n.value;
    })();
    // People by name, as the case page says them: staff from the roster, claimants from the case
    // as folded up to each event (a claimant added later is named from then on).
    const roster = await this.staff.current();
    let state: DisputeCaseState = disputeCaseDecider.initialState();
    const names = {
      staffName: (staffId: string) => findStaff(roster, staffId)?.displayName,
      claimantName: (claimantId: string) => state?.claimants.find((c) => c.claimantId === claimantId)?.name,
    };
    await writeLines(
      res,
      all,
      (e) => {
        const actor = e.metadata.actor;
        const event = domainEventOf<DisputeCaseEvent>(e);
        state = disputeCaseDecider.evolve(state, event);
        const description = describeDisputeEvent(event, meta.lang, { actorId: actor?.staffId, ...names });
        return `${[e.revision, e.position, e.recordedAt, e.metadata.occurredAt, actor?.staffId, actor?.role, e.type, description, e.hash].map(csvCell).join(',')}\r\n`;
      },
      `\uFEFF${header.map(csvCell).join(',')}\r\n`,
    );
  }

  @Get(':kind/:id')
  @ApiOperation({
    summary:
      'A record as of a moment, replayed from its events (from the latest signed snapshot at or before it that still checks out); its invariants re-checked then (which held); the events folded re-hashed and re-chained',
  })
  @ApiParam({ name: 'kind', enum: KINDS, description: 'disputes (by case id), recoveries (by case id), funds (by fund id)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AsOfView })
  async asOf(@Param('kind') kind: string, @Param('id', new UuidPipe('id')) id: string, @Query() q: AsOfQuery, @Meta() meta: RequestMeta): Promise<AsOfView> {
    const aggregate = aggregateOf(kind);
    const replayed = await this.replays.replay(aggregate, id, q.asOf);
    if (!replayed) throw new RecordNotFound(aggregate.label, id);
    return { kind, id, stream: replayed.stream, asOf: q.asOf ?? null, state: replayed.state, ...this.replays.standing(replayed, meta.lang) };
  }
}
