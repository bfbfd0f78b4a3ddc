import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '#domain';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { LONG_TEXT, NAME, TITLE } from '../../shared/text-limits.js';
import { IsDateOrInstant, NestedList, NestedObject, RequiredText } from '../../http/field-decorators.js';

export class OralApplicationDto {
  @ApiProperty({ example: '王五', description: 'Who applied orally' })
  @RequiredText(NAME)
  applicantName!: string;

  @ApiProperty({ example: '公司拖欠三个月工资' })
  @RequiredText(LONG_TEXT)
  dispute!: string;

  @ApiProperty({ example: '公司称资金周转困难' })
  @RequiredText(LONG_TEXT)
  reasons!: string;

  @ApiProperty({ example: '2026-03-01T09:30:00+08:00', description: 'When the oral application was written down' })
  @IsDateOrInstant()
  recordedAt!: string;
}

export class ApplicationDto {
  @ApiProperty({ enum: ['written', 'oral'] })
  @IsIn(['written', 'oral'])
  kind!: 'written' | 'oral';

  @ApiProperty({ example: '2026-03-01', description: 'When the union received the application (date, or instant with offset); starts the 15-day mediation period' })
  @IsDateOrInstant()
  receivedAt!: string;

  @ApiPropertyOptional({ type: OralApplicationDto, description: 'Required for an oral application (LDMAL art. 12)' })
  // Sent or not: an oral application without its record is the domain's rule (422 ORAL_APPLICATION_DETAILS_REQUIRED).
  @ValidateIf((o: ApplicationDto) => o.oral !== undefined)
  @NestedObject(() => OralApplicationDto)
  oral?: OralApplicationDto;
}

export class RespondentDto {
  @ApiProperty({ example: '北京某建筑工程有限公司' })
  @RequiredText(NAME)
  name!: string;

  @ApiPropertyOptional({ description: 'The registered employer, when known' })
  @IsOptional() @IsUUID()
  employerId?: string;
}

export class ClaimantDto {
  @ApiProperty({ example: '张三' })
  @RequiredText(NAME)
  name!: string;

  @ApiPropertyOptional({ description: 'The registered worker, when known' })
  @IsOptional() @IsUUID()
  workerId?: string;

  /** Compared with the registered worker's, never stored (case-parties.ts). */
  @ApiPropertyOptional({
    example: '11010519491231002X',
    description:
      'The worker’s resident ID number, beside workerId: proof that whoever names the worker knows them. Only a claimant named with it (or a worker the namer registered) lets the case’s mediator see the worker’s full ID and phone numbers; a number that is not the worker’s is refused (422 CLAIMANT_ID_NUMBER_MISMATCH naming claimants[i].idNumber). Not kept.',
  })
  @IsOptional() @IsString() @MaxLength(40)
  idNumber?: string;
}

export class OpenDisputeDto {
  @ApiProperty({ example: '某建筑公司拖欠十二名农民工工资' })
  @RequiredText(TITLE)
  title!: string;

  @ApiProperty({ enum: DISPUTE_CATEGORIES })
  @IsIn(DISPUTE_CATEGORIES)
  category!: DisputeCategory;

  @ApiProperty({ example: '工人反映2025年10月至12月工资未发放' })
  @IsString() @MaxLength(LONG_TEXT)
  description!: string;

  @ApiProperty({ type: ApplicationDto })
  @NestedObject(() => ApplicationDto)
  application!: ApplicationDto;

  @ApiProperty({ type: RespondentDto })
  @NestedObject(() => RespondentDto)
  respondent!: RespondentDto;

  @ApiProperty({ type: [ClaimantDto], description: 'The workers bringing the case (at least one); a group case may list thousands' })
  @ArrayMinSize(1) @ArrayMaxSize(5000) @NestedList(() => ClaimantDto)
  claimants!: ClaimantDto[];

  @ApiPropertyOptional({ description: 'Mediator to assign (supervisors); a mediator opening a case becomes its mediator' })
  @IsOptional() @IsString() @MaxLength(100)
  mediatorId?: string;
}

export class OpenedClaimant {
  @ApiProperty({ description: 'The claimant’s id on the case: claims and agreement amounts name it' })
  claimantId!: string;

  @ApiProperty({ example: '张三' })
  name!: string;
}

export class OpenDisputeAnswer extends CommandAnswer {
  @ApiProperty({ type: [OpenedClaimant], description: 'The claimants as opened, in the order sent, with their ids' })
  claimants!: OpenedClaimant[];
}
