import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { WORKERS_HOME_LEVELS, type WorkersHomeLevel } from '#domain';
import { IsCalendarDate, NestedObject, RequiredText } from '../http/field-decorators.js';
import { PagedQuery } from '../shared/search.js';
import { LONG_TEXT, NAME } from '../shared/text-limits.js';
import { Day } from '../aid/beneficiaries/beneficiary-fields.js';

export class EnterpriseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The employer as registered (/api/employers), when it is' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiProperty({ example: '仁和镇宏达建材有限公司', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: '宏达建材有限公司工会', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;

  @ApiProperty({ type: EnterpriseDto, description: 'The enterprise (or the enterprises, for a joint union) it organises' })
  @NestedObject(() => EnterpriseDto)
  enterprise!: EnterpriseDto;

  @Day('2009-04-01', 'The day it was founded (Beijing date; not before 1949-10-01)')
  foundedOn!: string;
}

export class RecordMemberCountDto {
  @Day('2011-12-31', 'The day the members were counted')
  countedOn!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10_000_000, example: 120, description: 'Registered members (会员) on that day' })
  @IsInt() @Min(0) @Max(10_000_000)
  members!: number;
}

export class RateWorkersHomeDto {
  @ApiProperty({ type: 'integer', minimum: 1949, maximum: 9999, example: 2015, description: 'The year rated (one rating a year)' })
  @IsInt() @Min(1949) @Max(9999)
  year!: number;

  @ApiProperty({ enum: WORKERS_HOME_LEVELS, description: 'Who rated it: national, municipal, district or town federation' })
  @IsIn(WORKERS_HOME_LEVELS)
  level!: WorkersHomeLevel;
}

export class DissolveOrganisationDto {
  @Day('2020-01-01', 'The day it was dissolved (from that day it no longer counts)')
  dissolvedOn!: string;

  @ApiProperty({ example: '企业注销', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class ListOrganisationsQuery extends PagedQuery {
  @ApiPropertyOptional({ format: 'date', example: '2016-06-30', description: 'The day the member counts and existence are read for (Beijing date; today by default)' })
  @IsOptional() @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ description: 'Text in the organisation’s or the enterprise’s name (Chinese works)' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}
