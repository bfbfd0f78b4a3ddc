import { ApiProperty } from '@nestjs/swagger';
import { LONG_TEXT } from '../../shared/text-limits.js';
import { RequiredText } from '../../http/field-decorators.js';

/** Declining an intake and reopening a case both say why. */
export class ReasonDto {
  @ApiProperty({ example: '不属于劳动争议调解受理范围', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}
