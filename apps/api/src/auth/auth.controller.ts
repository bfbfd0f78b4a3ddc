import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Allowed, Public, READERS, SignIn, StaffAccounts, type AuthenticatedStaff } from '#auth';
import type { Request } from 'express';
import type { CommandMeta } from '#commands';
import { Command } from '../http/request-meta.js';
import { AccessTokenAnswer, ChangeOwnPasswordDto, LoginDto } from './auth.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignIn,
    private readonly accounts: StaffAccounts,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: a short-lived access token (after 5 failures in 15 minutes an address must wait for that username)' })
  @ApiOkResponse({ type: AccessTokenAnswer })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or the account is disabled' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins; see Retry-After' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<AccessTokenAnswer> {
    return this.signIn.login(dto.username, dto.password, req.ip ?? '');
  }

  @Get('me')
  @Allowed(...READERS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am, and my roles' })
  me(@Req() req: Request & { user: AuthenticatedStaff }) {
    const { staffId, username, displayName, roles, role } = req.user;
    return { staffId, username, displayName, roles, actingRole: role };
  }

  @Post('password')
  @Allowed(...READERS)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my own password (needs the current one); my older tokens stop working' })
  async changePassword(@Body() dto: ChangeOwnPasswordDto, @Command() meta: CommandMeta): Promise<void> {
    await this.accounts.changePassword(meta.actor.staffId, dto.newPassword, meta, dto.oldPassword);
  }
}
