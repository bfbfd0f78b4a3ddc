import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Allowed, Public, READERS, SignIn, StaffAccounts, type AuthenticatedStaff } from '#auth';
import type { Request } from 'express';
import { CLOCK, type Clock, type CommandMeta } from '#commands';
import { Command, Meta, type RequestMeta } from '../http/request-meta.js';
import { withPasswordAsField } from './acceptable-password.js';
import { ChangeOwnPasswordDto, LoginDto, MeAnswer, RefreshTokenDto, TokenPairAnswer } from './auth.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignIn,
    private readonly accounts: StaffAccounts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: a 15-minute access token and a refresh token',
    description: 'After 5 failed logins in 15 minutes an address must wait for that username, and after 20 for any username (429 with Retry-After).',
  })
  @ApiOkResponse({ type: TokenPairAnswer })
  @ApiBadRequestResponse({ description: 'problem+json listing each bad field' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or the account is disabled' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins; see Retry-After' })
  login(@Body() dto: LoginDto, @Req() req: Request, @Meta() meta: RequestMeta): Promise<TokenPairAnswer> {
    return this.signIn.login(dto.username, dto.password, req.ip ?? '', new Date(meta.receivedAt));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token and a new refresh token for a refresh token (which is then spent)',
    description:
      'Each refresh token works once. Presenting a spent one again ends every session of that login (someone may hold a copy). ' +
      'Refused (401) after logout, a password change, or disabling the account.',
  })
  @ApiOkResponse({ type: TokenPairAnswer })
  @ApiBadRequestResponse({ description: 'problem+json: refreshToken missing or malformed' })
  @ApiUnauthorizedResponse({ description: 'The refresh token is unknown, expired, spent or revoked: log in again' })
  refresh(@Body() dto: RefreshTokenDto, @Meta() meta: RequestMeta): Promise<TokenPairAnswer> {
    return this.signIn.refresh(dto.refreshToken, new Date(meta.receivedAt));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Log out: the access tokens and refresh tokens of this login stop working at once',
    description: 'Other logins of the same person are not affected.',
  })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was already unknown or revoked)' })
  @ApiBadRequestResponse({ description: 'problem+json: refreshToken missing or malformed' })
  async logout(@Body() dto: RefreshTokenDto, @Meta() meta: RequestMeta, @Headers('authorization') authorization?: string): Promise<void> {
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    await this.signIn.logout(dto.refreshToken, { now: new Date(meta.receivedAt), correlationId: meta.correlationId, causationId: meta.requestId }, bearer);
  }

  @Get('me')
  @Allowed(...READERS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am, and my roles' })
  @ApiOkResponse({ type: MeAnswer })
  me(@Req() req: Request & { user: AuthenticatedStaff }): MeAnswer {
    const { staffId, username, displayName, roles, role } = req.user;
    return { staffId, username, displayName, roles: [...roles], actingRole: role };
  }

  @Post('password')
  @Allowed(...READERS)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my own password (needs the current one); my older tokens and refresh tokens stop working' })
  @ApiNoContentResponse({ description: 'Changed: log in again with the new password' })
  async changePassword(@Body() dto: ChangeOwnPasswordDto, @Command() meta: CommandMeta): Promise<void> {
    const { staffId } = meta.actor;
    await withPasswordAsField('newPassword', () => this.accounts.changePassword(staffId, dto.newPassword, meta, dto.oldPassword));
    await this.signIn.endSessionsOf(staffId, 'password changed', new Date(meta.occurredAt(this.clock)));
  }
}
