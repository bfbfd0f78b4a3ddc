import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { IsCalendarDate, RequiredText } from '../../http/field-decorators.js';
import { LONG_TEXT } from '../../shared/text-limits.js';

/** Fund officers keep the files and record visits; supervisors may too. */
export const AID_RECORDERS = ['fund_officer', 'supervisor'] as const;

/** A calendar day (Beijing), required. */
export function Day(example: string, description: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'date', example, description }), IsCalendarDate());
}

/** Money in whole fen, optional (absent: none given). */
export function OptionalFen(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, example: 50_000, description }),
    IsOptional(),
    ValidateBy({ name: 'isFen', validator: { validate: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 } }),
  );
}

/** Free text a clerk may add. */
export function OptionalText(example: string, description?: string, maxLength = LONG_TEXT): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ example, description, maxLength }), IsOptional(), IsString(), MaxLength(maxLength));
}

/** Why a care visit is withdrawn as recorded in error: required, never blank. */
export class WithdrawVisitDto {
  @ApiProperty({ example: '重复登记', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}
