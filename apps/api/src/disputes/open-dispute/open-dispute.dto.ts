import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '#domain';
import { LONG_TEXT, NAME, TITLE } from '../../shared/text-limits.js';

export class OralApplicationDto {
  @ApiProperty({ example: '王五', description: 'Who applied orally' })
  @IsString() @IsNotEmpty() @MaxLength(NAME)
  applicantName!: string;

  @ApiProperty({ example: '公司拖欠三个月工资' })
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  dispute!: string;

  @ApiProperty({ example: '公司称资金周转困难' })
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reasons!: string;

  @ApiProperty({ example: '2026-03-01T09:30:00+08:00', description: 'When the oral application was written down' })
  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export class ApplicationDto {
  @ApiProperty({ enum: ['written', 'oral'] })
  @IsIn(['written', 'oral'])
  kind!: 'written' | 'oral';

  @ApiProperty({ example: '2026-03-01', description: 'When the union received the application (date, or instant with offset); starts the 15-day mediation period' })
  @IsISO8601({ strict: true })
  receivedAt!: string;

  @ApiPropertyOptional({ type: OralApplicationDto, description: 'Required for an oral application (LDMAL art. 12)' })
  @ValidateIf((o: ApplicationDto) => o.kind === 'oral' || o.oral !== undefined)
  @ValidateNested() @Type(() => OralApplicationDto)
  oral?: OralApplicationDto;
}

export class RespondentDto {
  @ApiProperty({ example: '北京某建筑工程有限公司' })
  @IsString() @IsNotEmpty() @MaxLength(NAME)
  name!: string;

  @ApiPropertyOptional({ description: 'The registered employer, when known' })
  @IsOptional() @IsUUID()
  employerId?: string;
}

export class ClaimantDto {
  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(NAME)
  name!: string;

  @ApiPropertyOptional({ description: 'The registered worker, when known' })
  @IsOptional() @IsUUID()
  workerId?: string;
}

export class OpenDisputeDto {
  @ApiProperty({ example: '某建筑公司拖欠十二名农民工工资' })
  @IsString() @IsNotEmpty() @MaxLength(TITLE)
  title!: string;

  @ApiProperty({ enum: DISPUTE_CATEGORIES })
  @IsIn(DISPUTE_CATEGORIES)
  category!: DisputeCategory;

  @ApiProperty({ example: '工人反映2025年10月至12月工资未发放' })
  @IsString() @MaxLength(LONG_TEXT)
  description!: string;

  @ApiProperty({ type: ApplicationDto })
  @ValidateNested() @Type(() => ApplicationDto)
  application!: ApplicationDto;

  @ApiProperty({ type: RespondentDto })
  @ValidateNested() @Type(() => RespondentDto)
  respondent!: RespondentDto;

  @ApiProperty({ type: [ClaimantDto], description: 'The workers bringing the case (at least one); a group case may list thousands' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => ClaimantDto)
  claimants!: ClaimantDto[];

  @ApiPropertyOptional({ description: 'Mediator to assign (supervisors); a mediator opening a case becomes its mediator' })
  @IsOptional() @IsString() @MaxLength(100)
  mediatorId?: string;
}
