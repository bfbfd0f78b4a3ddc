import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CASE_OUTCOMES, type CaseOutcome } from '#domain';
import { LONG_TEXT } from '../../shared/text-limits.js';

export class RecordOutcomeDto {
  @ApiProperty({ enum: CASE_OUTCOMES })
  @IsIn(CASE_OUTCOMES)
  outcome!: CaseOutcome;

  @ApiPropertyOptional({ description: 'Required unless the agreement was fulfilled', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  reason?: string;
}
