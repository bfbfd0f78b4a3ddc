import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';

export class RegisterWorkerDto {
  @ApiProperty({ example: '张秀英' })
  @IsString() @IsNotEmpty() @MaxLength(NAME)
  name!: string;

  /** Shape only here; length, birth date and check digit are the domain's (422 RESIDENT_ID_INVALID, saying which). */
  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number (居民身份证号码), 18 characters with its check digit' })
  @IsString() @IsNotEmpty() @MaxLength(40)
  idNumber!: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional() @IsString() @MaxLength(40) @Matches(/^[0-9+\-() ]*$/, { message: 'phone may contain only digits, spaces and + - ( )' })
  phone?: string;

  @ApiPropertyOptional({ description: 'The registered employer the worker works for' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '夜班，联系请在下午', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  notes?: string;
}
