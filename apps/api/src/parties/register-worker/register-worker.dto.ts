import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';
import { IsPhone, RequiredText } from '../../http/field-decorators.js';

export class RegisterWorkerDto {
  @ApiProperty({ example: '张秀英' })
  @RequiredText(NAME)
  name!: string;

  /** Shape only here; length, birth date and check digit are the domain's (422 RESIDENT_ID_INVALID, saying which). */
  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number (居民身份证号码), 18 characters with its check digit' })
  @RequiredText(40)
  idNumber!: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional() @IsString() @MaxLength(40) @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ description: 'The registered employer the worker works for' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '夜班，联系请在下午', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  notes?: string;
}
