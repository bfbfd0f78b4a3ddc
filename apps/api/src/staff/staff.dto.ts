import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '#domain';

export class CreateStaffDto {
  @ApiProperty({ example: 'zhang.wei', description: '3 to 32 characters of a-z, 0-9, ".", "_", "-"' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  displayName!: string;

  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString() @IsNotEmpty() @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class GrantRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class DisableStaffDto {
  @ApiPropertyOptional({ example: '调离工会岗位' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString() @IsNotEmpty() @MaxLength(256)
  newPassword!: string;
}
