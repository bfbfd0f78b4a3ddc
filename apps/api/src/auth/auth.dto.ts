import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'a-long-password', format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  password!: string;
}

export class AccessTokenAnswer {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the token expires', example: 900 })
  expiresIn!: number;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  oldPassword!: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString() @IsNotEmpty() @MaxLength(256)
  newPassword!: string;
}
