import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DisputeStatsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (Beijing date), inclusive' })
  @Matches(DATE, { message: 'from must be a date such as 2026-01-01' }) @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day of the period (Beijing date), inclusive' })
  @Matches(DATE, { message: 'to must be a date such as 2026-12-31' }) @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ description: 'Wait until the figures reflect this log position (from a command answer)' })
  @IsOptional() @IsString()
  minPosition?: string;
}
