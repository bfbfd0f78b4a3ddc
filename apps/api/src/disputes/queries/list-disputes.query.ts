import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, IsLogMoment } from '../../http/field-decorators.js';
import { FreshnessQuery } from '../../shared/freshness.query.js';
import { DISPUTE_CATEGORIES } from '#domain';
import { PagedQuery } from '../../shared/search.js';

export const DISPUTE_SORTS = ['receivedOn', '-receivedOn', 'updatedAt', '-updatedAt', 'title', '-title', 'mediatorId', '-mediatorId'] as const;
/** 'ongoing' is every case not closed (intake pending or accepted): a mediator's open workload. */
export const DISPUTE_STATUS_FILTERS = ['open', 'accepted', 'closed', 'ongoing'] as const;

export class ListDisputesQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: DISPUTE_STATUS_FILTERS, description: "'open': intake pending; 'ongoing': not closed (pending or accepted)" })
  @IsOptional() @IsIn(DISPUTE_STATUS_FILTERS)
  status?: (typeof DISPUTE_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ enum: DISPUTE_CATEGORIES })
  @IsOptional() @IsIn(DISPUTE_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: "Staff id of the mediator; 'none': the cases no mediator has yet (for a supervisor to assign)" })
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, {
    message: "must be a mediator's staff id, or none",
    context: { zh: '须为调解员的员工编号，或 none（尚未分派调解员的案件）', en: "must be a mediator's staff id, or none (the cases no mediator has yet)" },
  })
  mediatorId?: string;

  @ApiPropertyOptional({ description: 'Registered employer (respondent)' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Received on or after (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  receivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Received on or before (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  receivedTo?: string;

  @ApiPropertyOptional({ description: 'Text in the title, respondent or claimant names (Chinese works)', example: '建筑' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: DISPUTE_SORTS, default: '-receivedOn' })
  @IsOptional() @IsIn(DISPUTE_SORTS)
  sort?: (typeof DISPUTE_SORTS)[number];
}

/** The case page's parameters: read-your-writes, or the page as of a moment. */
export class CasePageQuery extends FreshnessQuery {
  @ApiPropertyOptional({
    example: '2026-03-01T09:30:00+08:00',
    description: 'The page as it stood at this moment, replayed from the case’s events (an instant with its offset, or a log position from a command answer); unset: now',
  })
  @IsOptional() @IsLogMoment()
  asOf?: string;
}
