import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/** Money in integer fen: refused at the door when negative, fractional, a string, or beyond a double's exact range. */
export function IsFen(description = 'Amount in fen (1 yuan = 100 fen)'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, example: 1_250_000, description }),
    // One constraint, so one message (field-messages.ts: isFen) in Chinese and English.
    ValidateBy({ name: 'isFen', validator: { validate: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 } }),
  );
}
