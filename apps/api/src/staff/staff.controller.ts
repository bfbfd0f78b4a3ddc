import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, SignIn, StaffAccounts, StaffDirectory, type AuthenticatedStaff } from '#auth';
import { CLOCK, commandAnswer, type Clock, type CommandMeta } from '#commands';
import { findStaff, ROLES, staffRosterRules, type Role, type StaffAccount } from '#domain';
import type { Request } from 'express';
import { Command } from '../http/request-meta.js';
import { UuidParam } from '../http/uuid-param.js';
import { RequestValidationError } from '../http/problem.js';
import { FIELD } from '../auth/field-messages.js';
import { withPasswordAsField } from '../auth/acceptable-password.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';
import { CommandRoute } from '../shared/command-route.js';
import { CreateStaffDto, DisableStaffDto, GrantRoleDto, ResetPasswordDto, StaffAccountView } from './staff.dto.js';

/** Who sees what of an account: usernames (half of a login) only administrators and auditors. */
const FULL_VIEW: readonly Role[] = ['administrator', 'auditor'];

function view(a: StaffAccount, full: boolean): StaffAccountView {
  const entry = { staffId: a.staffId, displayName: a.displayName, roles: [...a.roles], active: a.active };
  return full ? { ...entry, username: a.username } : entry;
}

const seesFullView = (req: Request) => ((req as Request & { user: AuthenticatedStaff }).user.roles ?? []).some((r) => FULL_VIEW.includes(r));

/**
 * Staff accounts: administrators change them; supervisors and mediators read the directory
 * (names, roles, active), administrators and auditors the full view. All accounts share the
 * roster stream, so its revision is the ETag of every account: If-Match guards against a
 * concurrent change to any of them.
 */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/staff')
@Allowed('administrator')
export class StaffController {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly directory: StaffDirectory,
    private readonly signIn: SignIn,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute({ location: (staffId) => `/api/staff/${staffId}` })
  async create(@Body() dto: CreateStaffDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const created = await this.accounts.create(dto, meta);
    return commandAnswer(created.staffId, created);
  }

  @Get()
  @Allowed('administrator', 'auditor', 'supervisor', 'mediator')
  @ApiOperation({ summary: 'The staff directory: names, roles, active (usernames for administrators and auditors only; never credentials)' })
  @ApiOkResponse({ type: StaffAccountView, isArray: true })
  async list(@Req() req: Request): Promise<StaffAccountView[]> {
    const roster = await this.directory.current();
    const full = seesFullView(req);
    return Object.values(roster.accounts)
      .map((a) => view(a, full))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.staffId.localeCompare(b.staffId));
  }

  @Get(':id')
  @Allowed('administrator', 'auditor', 'supervisor', 'mediator')
  @ApiOperation({ summary: 'One staff account, as in the directory' })
  @ApiOkResponse({ type: StaffAccountView })
  async get(@UuidParam('id') id: string, @Req() req: Request): Promise<StaffAccountView> {
    const account = findStaff(await this.directory.current(), id);
    if (!account) return staffRosterRules.staffNotFound(id);
    return view(account, seesFullView(req));
  }

  @Post(':id/roles')
  @ApiOperation({ summary: 'Grant a role' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandRoute()
  async grant(@UuidParam('id') id: string, @Body() dto: GrantRoleDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(id, await this.accounts.grantRole(id, dto.role, meta));
  }

  @Delete(':id/roles/:role')
  @ApiOperation({ summary: 'Revoke a role (not the last active administrator’s)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async revoke(@UuidParam('id') id: string, @Param('role') role: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    if (!(ROLES as readonly string[]).includes(role)) {
      const { zh, en } = FIELD.role().context as { zh: string; en: string };
      throw new RequestValidationError([{ field: 'role', messages: [en], localized: { zh: [zh], en: [en] } }]);
    }
    return commandAnswer(id, await this.accounts.revokeRole(id, role as Role, meta));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: it cannot log in, and every token issued before ends for good, even if it is enabled again (not the last active administrator)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async disable(@UuidParam('id') id: string, @Body() dto: DisableStaffDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const answer = commandAnswer(id, await this.accounts.disable(id, dto.reason, meta));
    await this.signIn.endSessionsOf(id, 'disabled', new Date(meta.occurredAt(this.clock)));
    return answer;
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (it logs in afresh: its old tokens stay dead)' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async enable(@UuidParam('id') id: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(id, await this.accounts.enable(id, meta));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a staff member’s password (reset); their tokens and refresh tokens stop working' })
  @ApiNoContentResponse({ description: 'Set; the person logs in with the new password' })
  async resetPassword(@UuidParam('id') id: string, @Body() dto: ResetPasswordDto, @Command() meta: CommandMeta): Promise<void> {
    // The username and display name are the account's: checked where it is known, answered as at creation.
    await withPasswordAsField('newPassword', () => this.accounts.changePassword(id, dto.newPassword, meta));
    await this.signIn.endSessionsOf(id, 'password reset', new Date(meta.occurredAt(this.clock)));
  }
}
