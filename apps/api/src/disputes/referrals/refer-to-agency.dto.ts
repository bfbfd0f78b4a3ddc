import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REFERRAL_AGENCIES, type ReferralAgency } from '#domain';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';
import { IsDateOrInstant, RequiredText } from '../../http/field-decorators.js';

export class ReferToAgencyDto {
  @ApiProperty({ enum: REFERRAL_AGENCIES, description: '妇联, 信访, 司法所, 社保, labour inspection, or another agency' })
  @IsIn(REFERRAL_AGENCIES)
  agency!: ReferralAgency;

  @ApiPropertyOptional({ example: '顺义区社会保险事业管理中心', description: 'The office by name, when it matters' })
  @IsOptional() @IsString() @MaxLength(NAME)
  agencyName?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'When the case was referred, for a referral entered after the fact (date, or instant with offset); now when absent' })
  @IsOptional() @IsDateOrInstant()
  referredAt?: string;

  @ApiPropertyOptional({ example: '请核查该公司社保缴纳情况', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  note?: string;
}

export class ReferralAnswer extends CommandAnswer {
  @ApiProperty({ description: 'The referral, to record the agency’s answer under' })
  referralId!: string;
}

export class RecordReferralAnswerDto {
  @ApiProperty({ example: '经核查，该公司欠缴2025年10月至12月社保，已责令补缴', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  answer!: string;

  @ApiProperty({ example: '2026-03-05', description: 'When the agency answered (date, or instant with offset)' })
  @IsDateOrInstant()
  answeredAt!: string;
}
