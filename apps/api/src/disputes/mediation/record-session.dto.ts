import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';
import { IsDateOrInstant } from '../../http/field-decorators.js';

export class RecordSessionDto {
  @ApiProperty({ example: '2026-03-06T09:30:00+08:00', description: 'When it was held (date, or instant with offset)' })
  @IsDateOrInstant()
  heldAt!: string;

  @ApiPropertyOptional({ example: '仁和镇总工会调解室' })
  @IsOptional() @IsString() @MaxLength(NAME)
  place?: string;

  @ApiPropertyOptional({ type: [String], example: ['张三', '公司代表李经理'], description: 'Who attended, by name' })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsString({ each: true }) @MaxLength(NAME, { each: true })
  attendees?: string[];

  @ApiProperty({ example: '双方就欠薪数额达成初步一致', maxLength: LONG_TEXT })
  @IsString() @MaxLength(LONG_TEXT)
  summary!: string;
}

export class SessionAnswer extends CommandAnswer {
  @ApiProperty()
  sessionId!: string;
}
