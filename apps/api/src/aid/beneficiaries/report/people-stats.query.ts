import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsPosition } from '../../../http/field-decorators.js';

/** A report period: both days included, Beijing dates. */
export class PeopleStatsQuery {
  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'First day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', format: 'date', description: 'Last day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the figures reflect this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}
