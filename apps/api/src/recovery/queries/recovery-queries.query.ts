import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsDayOrLogMoment, IsPosition } from '../../http/field-decorators.js';
import { PagedQuery } from '../../shared/search.js';

export const RECOVERY_STATUS_FILTERS = ['recovering', 'complete', 'all'] as const;

export class ListRecoveriesQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: RECOVERY_STATUS_FILTERS, default: 'recovering', description: "'recovering': money still owed to someone" })
  @IsOptional() @IsIn(RECOVERY_STATUS_FILTERS)
  status?: (typeof RECOVERY_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Registered employer (the case’s respondent)' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'Staff id of the case’s mediator' })
  @IsOptional() @IsString() @MaxLength(100)
  mediatorId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only cases with an instalment past its due date and not covered' })
  @IsOptional() @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class LedgerQuery {
  @ApiPropertyOptional({
    example: '2026-06-30',
    description:
      'A day (Beijing): the ledger now, its instalment states and held-money ageing as of that day; today when left out. An instant with its offset or a log position: the ledger as it stood then, replayed from its events (aged as of that moment’s day)',
  })
  @IsOptional() @IsDayOrLogMoment()
  asOf?: string;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the ledger reflects this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}

export class RecoveryStatsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (Beijing), inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day of the period (Beijing), inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the figures reflect this log position' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}
