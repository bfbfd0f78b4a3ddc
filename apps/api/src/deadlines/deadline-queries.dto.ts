import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_KINDS, PAUSE_REASONS, type PauseReason } from '#domain';
import { IsCalendarDate, RequiredText } from '../http/field-decorators.js';
import { PagedQuery } from '../shared/search.js';
import { LONG_TEXT } from '../shared/text-limits.js';
import { BOARD_STATES } from './deadline-views.dto.js';

export class DeadlineBoardQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: BOARD_STATES, description: 'Unset: every deadline still running (upcoming, due soon, overdue, paused)' })
  @IsOptional() @IsIn(BOARD_STATES)
  state?: (typeof BOARD_STATES)[number];

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional() @IsIn(DEADLINE_KINDS)
  kind?: (typeof DEADLINE_KINDS)[number];

  @ApiPropertyOptional({ description: 'Staff id of the case’s mediator (a disbursement, on no case, is then left out)' })
  @IsOptional() @IsString() @MaxLength(100)
  mediatorId?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Due on or after (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Due on or before (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  to?: string;
}

/** The inbox: overdue first, then due soon, a page at a time. */
export class InboxQuery extends PagedQuery {}

export class DutiesQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Unset: this year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(9999)
  year?: number;

  @ApiPropertyOptional({ example: 4, minimum: 1, maximum: 4, description: 'Unset: this quarter (the last one for a past year)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4)
  quarter?: number;
}

export class PauseClockDto {
  @ApiProperty({ enum: PAUSE_REASONS, description: 'Which reasons are allowed is the policy’s' })
  @IsIn(PAUSE_REASONS)
  reason!: PauseReason;

  @ApiProperty({ example: '被申请人负责人电话无法接通，已发函', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  note!: string;
}

export class MediationPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 15, example: 15 })
  @IsInt() @Min(1) @Max(15)
  days!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 14, example: 3 })
  @IsInt() @Min(0) @Max(14)
  warnDaysBefore!: number;

  @ApiProperty({ enum: PAUSE_REASONS, isArray: true })
  @IsArray() @ArrayMaxSize(10) @IsIn(PAUSE_REASONS, { each: true })
  pauseReasons!: PauseReason[];

  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  reason?: string;
}

export class FollowUpPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 1 })
  @IsInt() @Min(1) @Max(12)
  intervalMonths!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 27, example: 5 })
  @IsInt() @Min(0) @Max(27)
  warnDaysBefore!: number;

  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  reason?: string;
}

export class CadreDutiesPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 52, example: 4 })
  @IsInt() @Min(0) @Max(52)
  trainingsPerYear!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 13, example: 1 })
  @IsInt() @Min(0) @Max(13)
  keyEnterpriseVisitsPerQuarter!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 31, example: 1 })
  @IsInt() @Min(0) @Max(31)
  followUpsPerMonth!: number;

  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  reason?: string;
}

export class InstalmentPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 60, example: 7, description: 'Days after the due day before an unpaid instalment is missed' })
  @IsInt() @Min(0) @Max(60)
  graceDays!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 30, example: 3 })
  @IsInt() @Min(0) @Max(30)
  warnDaysBefore!: number;

  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  reason?: string;
}

export class ApprovalPolicyDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 60, example: 5, description: 'Days from the request within which a supervisor decides' })
  @IsInt() @Min(1) @Max(60)
  days!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 59, example: 1, description: 'Fewer than `days`' })
  @IsInt() @Min(0) @Max(59)
  warnDaysBefore!: number;

  @ApiPropertyOptional({ maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  reason?: string;
}
