import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

const MESSAGE = `$property must be a whole number of fen (1 yuan = 100 fen) from 0 to ${Number.MAX_SAFE_INTEGER}`;

/** Money in integer fen: refused at the door when negative, fractional, a string, or beyond a double's exact range. */
export function IsFen(description = 'Amount in fen (1 yuan = 100 fen)'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, example: 1_250_000, description }),
    IsInt({ message: MESSAGE }),
    Min(0, { message: MESSAGE }),
    Max(Number.MAX_SAFE_INTEGER, { message: MESSAGE }),
  );
}
