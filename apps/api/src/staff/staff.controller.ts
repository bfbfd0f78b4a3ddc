import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, StaffAccounts, StaffDirectory, type CommandTrace } from '#auth';
import { findStaff, ROLES, type Actor, type Role, type StaffAccount } from '#domain';
import type { Response } from 'express';
import { etagOf, IfMatchRevision } from '../http/if-match.js';
import { Meta, type RequestMeta } from '../http/request-meta.js';
import { RequestValidationError } from '../http/problem.js';
import { CurrentActor } from '../shared/actor.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';
import { CommandDocs } from '../shared/command-docs.js';
import { CreateStaffDto, DisableStaffDto, GrantRoleDto, ResetPasswordDto } from './staff.dto.js';
import { UuidParam } from '../http/uuid-param.js';

const trace = (meta: RequestMeta): CommandTrace => ({ correlationId: meta.correlationId, causationId: meta.requestId, occurredAt: meta.receivedAt });

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

  private answer(res: Response, id: string, r: { nextRevision: bigint; position: string | null }): CommandAnswer {
    res.setHeader('ETag', etagOf(r.nextRevision));
    return { id, revision: Number(r.nextRevision), position: r.position };
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: CommandAnswer })
  @CommandDocs()
  async create(@Body() dto: CreateStaffDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @Res({ passthrough: true }) res: Response) {
    const r = await this.accounts.create(dto, actor, trace(meta));
    res.setHeader('Location', `/api/staff/${r.staffId}`);
    return this.answer(res, r.staffId, r);
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
  async get(@UuidParam('id') id: string) {
    const account = findStaff(await this.directory.current(), id);
    if (!account) throw new NotFoundException(`no staff account ${id}`);
    return view(account);
  }

  @Post(':id/roles')
  @ApiOperation({ summary: 'Grant a role' })
  @CommandDocs()
  async grant(@UuidParam('id') id: string, @Body() dto: GrantRoleDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @IfMatchRevision() rev: bigint | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer(res, id, await this.accounts.grantRole(id, dto.role, actor, trace(meta), rev));
  }

  @Delete(':id/roles/:role')
  @ApiOperation({ summary: 'Revoke a role (not the last active administrator’s)' })
  @CommandDocs()
  async revoke(@UuidParam('id') id: string, @Param('role') role: string, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @IfMatchRevision() rev: bigint | undefined, @Res({ passthrough: true }) res: Response) {
    if (!(ROLES as readonly string[]).includes(role)) throw new RequestValidationError([{ field: 'role', messages: [`must be one of: ${ROLES.join(', ')}`] }]);
    return this.answer(res, id, await this.accounts.revokeRole(id, role as Role, actor, trace(meta), rev));
  }

  @Post(':id/disable')
  @ApiOperation({ summary: 'Disable an account: it cannot log in and its tokens stop working (not the last active administrator)' })
  @CommandDocs()
  async disable(@UuidParam('id') id: string, @Body() dto: DisableStaffDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @IfMatchRevision() rev: bigint | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer(res, id, await this.accounts.disable(id, dto.reason, actor, trace(meta), rev));
  }

  @Post(':id/enable')
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @CommandDocs()
  async enable(@UuidParam('id') id: string, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta, @IfMatchRevision() rev: bigint | undefined, @Res({ passthrough: true }) res: Response) {
    return this.answer(res, id, await this.accounts.enable(id, actor, trace(meta), rev));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a staff member’s password (reset); their tokens stop working' })
  async resetPassword(@UuidParam('id') id: string, @Body() dto: ResetPasswordDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta): Promise<void> {
    await this.accounts.changePassword(id, dto.newPassword, actor, trace(meta));
  }
}

