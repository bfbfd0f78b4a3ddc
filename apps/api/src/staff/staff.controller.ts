import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, StaffAccounts, StaffDirectory } from '#auth';
import { commandAnswer, type CommandMeta } from '#commands';
import { findStaff, ROLES, type Role, type StaffAccount } from '#domain';
import { Command } from '../http/request-meta.js';
import { RequestValidationError } from '../http/problem.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';
import { CommandRoute } from '../shared/command-route.js';
import { CreateStaffDto, DisableStaffDto, GrantRoleDto, ResetPasswordDto } from './staff.dto.js';

function view(a: StaffAccount) {
  return { staffId: a.staffId, username: a.username, displayName: a.displayName, roles: a.roles, active: a.active };
}

/**
 * Staff accounts, administrators only. All accounts share the roster stream, so its revision is
 * the ETag of every account: If-Match guards against a concurrent change to any of them.
 */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('api/staff')
@Allowed('administrator')
export class StaffController {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly directory: StaffDirectory,
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
  @Allowed('administrator', 'auditor')
  @ApiOperation({ summary: 'All staff accounts (administrators; auditors read)' })
  async list() {
    const roster = await this.directory.current();
    return Object.values(roster.accounts).map(view).sort((a, b) => a.username.localeCompare(b.username));
  }

  @Get(':id')
  @Allowed('administrator', 'auditor')
  @ApiOperation({ summary: 'One staff account' })
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const account = findStaff(await this.directory.current(), id);
    if (!account) throw new NotFoundException(`no staff account ${id}`);
    return view(account);
  }

  @Post(':id/roles')
  @ApiOperation({ summary: 'Grant a role' })
  @CommandRoute()
  async grant(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: GrantRoleDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(id, await this.accounts.grantRole(id, dto.role, meta));
  }

  @Delete(':id/roles/:role')
  @ApiOperation({ summary: 'Revoke a role (not the last active administrator’s)' })
  @CommandRoute()
  async revoke(@Param('id', new ParseUUIDPipe()) id: string, @Param('role') role: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    if (!(ROLES as readonly string[]).includes(role)) throw new RequestValidationError([{ field: 'role', messages: [`must be one of: ${ROLES.join(', ')}`] }]);
    return commandAnswer(id, await this.accounts.revokeRole(id, role as Role, meta));
  }

  @Post(':id/disable')
  @ApiOperation({ summary: 'Disable an account: it cannot log in and its tokens stop working (not the last active administrator)' })
  @CommandRoute()
  async disable(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: DisableStaffDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(id, await this.accounts.disable(id, dto.reason, meta));
  }

  @Post(':id/enable')
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @CommandRoute()
  async enable(@Param('id', new ParseUUIDPipe()) id: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return commandAnswer(id, await this.accounts.enable(id, meta));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a staff member’s password (reset); their tokens stop working' })
  async resetPassword(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ResetPasswordDto, @Command() meta: CommandMeta): Promise<void> {
    await this.accounts.changePassword(id, dto.newPassword, meta);
  }
}
