import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '#auth';
import { ROLES, type Role } from '#domain';
import { IsAcceptablePassword } from './acceptable-password.js';
import { FIELD } from './field-messages.js';

/** No C0 control character (NUL included): PostgreSQL refuses NUL, and no name needs one. */
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

export class LoginDto {
  @ApiProperty({ example: 'admin', maxLength: 64 })
  @IsString(FIELD.text()) @IsNotEmpty(FIELD.required()) @MaxLength(64, FIELD.maxLength(64)) @Matches(NO_CONTROL_CHARACTERS, FIELD.noControlCharacters())
  username!: string;

  @ApiProperty({ example: 'a-long-password', format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString(FIELD.text()) @IsNotEmpty(FIELD.required()) @MaxLength(PASSWORD_MAX_LENGTH, FIELD.maxLength(PASSWORD_MAX_LENGTH)) @Matches(/^[^\u0000]*$/, FIELD.noControlCharacters())
  password!: string;
}

export class TokenPairAnswer {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Send to POST /api/auth/refresh before the access token expires; it works once (each refresh answers a new one). Keep it secret.' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the refresh token expires if unused (a login lasts at most 7 days however often it is refreshed)', example: 43200 })
  refreshExpiresIn!: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refreshToken from the login or the last refresh', example: 'k3Jx…' })
  @IsString(FIELD.refreshToken()) @Matches(/^[A-Za-z0-9_-]{43}$/, FIELD.refreshToken())
  refreshToken!: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString(FIELD.text()) @IsNotEmpty(FIELD.required()) @MaxLength(PASSWORD_MAX_LENGTH, FIELD.maxLength(PASSWORD_MAX_LENGTH))
  oldPassword!: string;

  @ApiProperty({ format: 'password', minLength: 10, maxLength: PASSWORD_MAX_LENGTH, description: 'Not only spaces, and hard to guess (no repeats, sequences or common passwords)' })
  @IsString(FIELD.text()) @IsAcceptablePassword([], FIELD.password())
  newPassword!: string;
}

export class MeAnswer {
  @ApiProperty({ format: 'uuid' })
  staffId!: string;

  @ApiProperty({ example: 'zhang.wei' })
  username!: string;

  @ApiProperty({ example: '张伟' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ enum: ROLES, description: 'The role this request acted in (X-Acting-Role picks one)' })
  actingRole!: Role;
}
