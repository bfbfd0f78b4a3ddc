import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '#auth';
import { ROLES, type Role } from '#domain';
import { IsAcceptablePassword } from '../auth/acceptable-password.js';
import { NO_CONTROL_CHARACTERS } from '../auth/auth.dto.js';
import { FIELD } from '../auth/field-messages.js';

export class CreateStaffDto {
  @ApiProperty({ example: 'zhang.wei', description: '3 to 32 characters of a-z, 0-9, ".", "_", "-" (stored lower-case)' })
  @IsString(FIELD.text()) @Matches(/^\s*[A-Za-z0-9._-]{3,32}\s*$/, FIELD.username())
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString(FIELD.text()) @Matches(/\S/, FIELD.required()) @MaxLength(100, FIELD.maxLength(100)) @Matches(NO_CONTROL_CHARACTERS, FIELD.noControlCharacters())
  displayName!: string;

  @ApiProperty({ format: 'password', minLength: 10, maxLength: PASSWORD_MAX_LENGTH, description: 'Not only spaces, and hard to guess (no repeats, sequences, common passwords or the username)' })
  @IsString(FIELD.text()) @IsAcceptablePassword(['username', 'displayName'], FIELD.password())
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray(FIELD.roles()) @ArrayMinSize(1, FIELD.roles()) @ArrayMaxSize(ROLES.length, FIELD.roles()) @IsIn(ROLES, { ...FIELD.roles(), each: true })
  roles!: Role[];
}

export class GrantRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, FIELD.role())
  role!: Role;
}

export class DisableStaffDto {
  @ApiPropertyOptional({ example: '调离工会岗位' })
  @IsOptional() @IsString(FIELD.text()) @MaxLength(1000, FIELD.maxLength(1000)) @Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, FIELD.noControlCharacters())
  reason?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', minLength: 10, maxLength: PASSWORD_MAX_LENGTH, description: 'Not only spaces, and hard to guess (no repeats, sequences or common passwords)' })
  @IsString(FIELD.text()) @IsAcceptablePassword([], FIELD.password())
  newPassword!: string;
}

/** One staff account as the directory shows it: never a credential. */
export class StaffAccountView {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ example: '张伟' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty()
  active!: boolean;

  @ApiPropertyOptional({ example: 'zhang.wei', description: 'Only for administrators and auditors' })
  username?: string;
}
