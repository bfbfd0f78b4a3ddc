import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LONG_TEXT } from '../../shared/text-limits.js';

/** Declining an intake and reopening a case both say why. */
export class ReasonDto {
  @ApiProperty({ example: '不属于劳动争议调解受理范围', maxLength: LONG_TEXT })
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason!: string;
}
