import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FOLLOW_UP_METHODS, type FollowUpMethod } from '#domain';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { LONG_TEXT } from '../../shared/text-limits.js';
import { IsDateOrInstant, RequiredText } from '../../http/field-decorators.js';

export class RecordFollowUpDto {
  @ApiProperty({ example: '2026-03-20', description: 'When (date, or instant with offset)' })
  @IsDateOrInstant()
  at!: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_METHODS })
  @IsOptional() @IsIn(FOLLOW_UP_METHODS)
  method?: FollowUpMethod;

  @ApiProperty({ example: '工人确认第一期款项已到账', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  result!: string;
}

export class FollowUpAnswer extends CommandAnswer {
  @ApiProperty()
  followUpId!: string;
}
