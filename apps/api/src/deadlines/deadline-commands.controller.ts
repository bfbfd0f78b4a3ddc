import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, READERS } from '#auth';
import { commandAnswer, Commands, type Aggregate, type CommandMeta } from '#commands';
import { DEADLINE_POLICY_STREAM, deadlinePolicyDecider, type DeadlinePolicyCommand, type DeadlinePolicyEvent, type DeadlinePolicyState } from '#domain';
import { DeadlinePolicyReader } from '#jobs';
import { Command } from '../http/request-meta.js';
import { UuidParam } from '../http/uuid-param.js';
import { CaseCommand } from '../disputes/shared/case-command.route.js';
import { disputeCases } from '../disputes/shared/dispute-case.aggregate.js';
import { CommandAnswer } from '../shared/command-answer.dto.js';
import { CommandRoute } from '../shared/command-route.js';
import { ApprovalPolicyDto, CadreDutiesPolicyDto, FollowUpPolicyDto, InstalmentPolicyDto, MediationPolicyDto, PauseClockDto } from './deadline-queries.dto.js';
import { DeadlinePoliciesView } from './deadline-views.dto.js';

const policyStream: Aggregate<DeadlinePolicyState, DeadlinePolicyCommand, DeadlinePolicyEvent> = {
  decider: deadlinePolicyDecider,
  streamOf: () => DEADLINE_POLICY_STREAM,
};

/** The mediation clock of a case: paused with a reason the policy allows, resumed. The policies in force go in with the command. */
@Controller('api/disputes')
export class MediationClockController {
  constructor(
    private readonly commands: Commands,
    private readonly policies: DeadlinePolicyReader,
  ) {}

  @CaseCommand('mediation-clock/pause', 'Pause the 15-day mediation clock, with a reason the policy allows (e.g. a party cannot be reached)', 200)
  async pause(@UuidParam('id') caseId: string, @Body() dto: PauseClockDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const policies = await this.policies.current();
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'PauseMediationClock', data: { caseId, ...dto, policies } }, meta));
  }

  @CaseCommand('mediation-clock/resume', 'Resume the mediation clock: the due day moves by the days it stood paused', 200)
  async resume(@UuidParam('id') caseId: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    const policies = await this.policies.current();
    return commandAnswer(caseId, await this.commands.execute(disputeCases, { type: 'ResumeMediationClock', data: { caseId, policies } }, meta));
  }
}

/** Deadline policies: every change an event of the `deadline-policies` stream (its revision is the ETag). */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/deadline-policies')
export class DeadlinePoliciesController {
  constructor(
    private readonly commands: Commands,
    private readonly policies: DeadlinePolicyReader,
  ) {}

  @Get()
  @Allowed(...READERS)
  @ApiOperation({ summary: 'The deadline policies in force (the law’s and the report’s numbers until an administrator sets others)' })
  @ApiOkResponse({ type: DeadlinePoliciesView })
  async current(): Promise<DeadlinePoliciesView> {
    const p = await this.policies.current();
    return {
      mediation: { ...p.mediation, pauseReasons: [...p.mediation.pauseReasons] },
      followUp: p.followUp,
      cadreDuties: p.cadreDuties,
      instalment: p.instalment,
      disbursementApproval: p.disbursementApproval,
      writeOffApproval: p.writeOffApproval,
      revision: p.revision,
    };
  }

  private async set(command: Parameters<Commands['execute']>[1], meta: CommandMeta): Promise<CommandAnswer> {
    const result = await this.commands.execute(policyStream, command as never, meta);
    return commandAnswer(DEADLINE_POLICY_STREAM, result);
  }

  @Post('mediation')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set the mediation clock: days from receipt (at most the law’s 15), warning days, pause reasons allowed' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async mediation(@Body() dto: MediationPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetMediationPolicy', data: { ...dto } }, meta);
  }

  @Post('follow-up')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set the follow-up duty of every open case: interval in months, warning days' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async followUp(@Body() dto: FollowUpPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetFollowUpPolicy', data: { ...dto } }, meta);
  }

  @Post('cadre-duties')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set the cadre duties: trainings a year, key-enterprise visits a quarter, follow-ups a month' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async cadreDuties(@Body() dto: CadreDutiesPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetCadreDutiesPolicy', data: { ...dto } }, meta);
  }

  @Post('instalment')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set the instalment policy: grace days after the due day before an unpaid instalment is missed, warning days before the due day' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async instalment(@Body() dto: InstalmentPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetInstalmentPolicy', data: { ...dto } }, meta);
  }

  @Post('disbursement-approval')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set how long a disbursement may wait for a supervisor’s approval (days from the request), and the warning days' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async disbursementApproval(@Body() dto: ApprovalPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetApprovalPolicy', data: { kind: 'disbursement_approval', ...dto } }, meta);
  }

  @Post('write-off-approval')
  @HttpCode(200)
  @Allowed('administrator')
  @ApiOperation({ summary: 'Set how long a write-off may wait for a supervisor’s approval (days from the request), and the warning days' })
  @ApiOkResponse({ type: CommandAnswer })
  @CommandRoute()
  async writeOffApproval(@Body() dto: ApprovalPolicyDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.set({ type: 'SetApprovalPolicy', data: { kind: 'write_off_approval', ...dto } }, meta);
  }
}
