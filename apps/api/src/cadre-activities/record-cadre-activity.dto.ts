import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CADRE_ACTIVITY_KINDS, type CadreActivityKind } from '#domain';
import { IsCalendarDate, RequiredText } from '../http/field-decorators.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';

export class RecordCadreActivityDto {
  @ApiPropertyOptional({ description: 'The cadre (a mediator’s staff id); unset: the one recording it. Only a supervisor names another.' })
  @IsOptional() @IsString() @MaxLength(100)
  cadreId?: string;

  @ApiProperty({ enum: CADRE_ACTIVITY_KINDS })
  @IsIn(CADRE_ACTIVITY_KINDS)
  kind!: CadreActivityKind;

  @ApiProperty({ example: '2026-11-20', description: 'The day it took place (Beijing)' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({ example: '区总工会劳动争议调解员培训', maxLength: 200 })
  @RequiredText(200)
  title!: string;

  @ApiPropertyOptional({ example: '仁和镇宏达建材有限公司', maxLength: 200, description: 'Required for a key-enterprise visit' })
  @IsOptional() @RequiredText(200)
  enterpriseName?: string;

  @ApiPropertyOptional({ description: 'The enterprise, if registered as an employer' })
  @IsOptional() @IsUUID()
  employerId?: string;
}

export class CadreActivityAnswer extends CommandAnswer {
  @ApiProperty() activityId!: string;
}
