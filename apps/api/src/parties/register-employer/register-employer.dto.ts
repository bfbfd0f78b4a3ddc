import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';
import { RequiredText } from '../../http/field-decorators.js';

export class RegisterEmployerDto {
  @ApiProperty({ example: '仁和镇宏达建材有限公司' })
  @RequiredText(NAME)
  name!: string;

  /** Checked by the domain (422 CREDIT_CODE_INVALID, saying which check failed). */
  @ApiPropertyOptional({ example: '91110113MA01ABCD2Q', description: 'Unified social credit code (统一社会信用代码), 18 characters; small workshops may have none' })
  @IsOptional() @IsString() @MaxLength(40)
  creditCode?: string;

  @ApiPropertyOptional({ example: '北京市顺义区仁和镇某路1号', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  address?: string;

  @ApiPropertyOptional({ example: '李经理 13900139000', description: 'Contact person and phone' })
  @IsOptional() @IsString() @MaxLength(NAME)
  contact?: string;
}
