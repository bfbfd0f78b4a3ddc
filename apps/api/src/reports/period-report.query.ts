import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsLogMoment, IsPosition } from '../http/field-decorators.js';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export const REPORT_LANGS = ['zh-CN', 'en'] as const;

export class PeriodReportQuery {
  @ApiProperty({ example: '2011-01-01', format: 'date', description: 'First day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2016-12-31', format: 'date', description: 'Last day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_LANGS, description: 'Language of labels and definitions; by default the request’s (Accept-Language)' })
  @IsOptional() @IsIn(REPORT_LANGS)
  lang?: (typeof REPORT_LANGS)[number];

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional() @IsIn(REPORT_FORMATS)
  format?: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the figures reflect this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;

  @ApiPropertyOptional({
    example: '2026-03-01T09:30:00+08:00',
    description:
      'The figures as they stood at an earlier moment: an instant with its offset (the last event recorded at or before it) or a log position from a command answer (7421:1093). The answer says which position it stands at (asOf.position). Unset: the latest the report knows.',
  })
  @IsOptional() @IsLogMoment()
  asOf?: string;
}
