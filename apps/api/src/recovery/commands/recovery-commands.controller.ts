import { applyDecorators, Body, Controller, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allowed, CASEWORKERS } from '#auth';
import { commandAnswer, CommandMeta, Commands } from '#commands';
import type { RecoveryCommand, Issued } from '#domain';
import { Command } from '../../http/request-meta.js';
import { UuidParam } from '../../http/uuid-param.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { CommandRoute } from '../../shared/command-route.js';
import { RecoveryCases } from '../shared/recovery-cases.js';
import { recoveries } from '../shared/recovery.aggregate.js';
import {
  HoldAnswer,
  HoldMoneyDto,
  PayoutAnswer,
  ReceiptAnswer,
  RecordPayoutDto,
  RecordReceiptDto,
  RejectWriteOffDto,
  RequestWriteOffDto,
  SetPaymentPlanDto,
  WriteOffAnswer,
} from './recovery-commands.dto.js';

/** POST /api/disputes/:id/recovery/<path>; the domain checks the actor against the case (its mediator, or a supervisor). */
function RecoveryCommandRoute(path: string, summary: string, status: 200 | 201, answer: Type<CommandAnswer> = CommandAnswer, roles = CASEWORKERS): MethodDecorator {
  return applyDecorators(
    Post(`:id/recovery/${path}`),
    HttpCode(status),
    Allowed(...roles),
    ApiTags('recovery'),
    ApiBearerAuth(),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', description: 'The dispute case' }),
    ApiResponse({ status, type: answer, description: 'The recovery ledger’s new revision (also the ETag, for If-Match) and the log position' }),
    CommandRoute(),
  );
}

type Data<T extends RecoveryCommand['type']> = Omit<Extract<RecoveryCommand, { type: T }>['data'], 'caseId' | 'case'>;

/**
 * The money of a case, from the agreement to the last fen paid. Each command reads the case
 * (who mediates it, the agreement in force) from the case's stream and hands it to the
 * recovery's decide() with the command; If-Match names the recovery ledger's revision.
 */
@Controller('api/disputes')
export class RecoveryCommandsController {
  constructor(
    private readonly commands: Commands,
    private readonly cases: RecoveryCases,
  ) {}

  private async run<T extends RecoveryCommand['type']>(caseId: string, type: T, data: Data<T>, meta: CommandMeta) {
    const facts = await this.cases.factsOf(caseId);
    const command = { type, data: { caseId, case: facts, ...data } } as unknown as Issued<RecoveryCommand>;
    return commandAnswer(caseId, await this.commands.execute(recoveries, command, meta));
  }

  @RecoveryCommandRoute('plan', 'Set the payment plan (instalments adding up to what is owed), or amend it with a reason', 200)
  async plan(@UuidParam('id') caseId: string, @Body() dto: SetPaymentPlanDto, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.run(caseId, 'SetPaymentPlan', dto, meta);
  }

  @RecoveryCommandRoute('receipts', 'Record money received from the employer, allocated pro rata (largest remainder) or as given', 201, ReceiptAnswer)
  async receipt(@UuidParam('id') caseId: string, @Body() dto: RecordReceiptDto, @Command() meta: CommandMeta): Promise<ReceiptAnswer> {
    const receiptId = meta.newId();
    return { ...(await this.run(caseId, 'RecordReceipt', { receiptId, ...dto }, meta)), receiptId };
  }

  @RecoveryCommandRoute('payouts', 'Record money paid to a worker: never more than allocated to them and unpaid', 201, PayoutAnswer)
  async payout(@UuidParam('id') caseId: string, @Body() dto: RecordPayoutDto, @Command() meta: CommandMeta): Promise<PayoutAnswer> {
    const payoutId = meta.newId();
    return { ...(await this.run(caseId, 'RecordPayout', { payoutId, ...dto }, meta)), payoutId };
  }

  @RecoveryCommandRoute('holds', 'Hold a worker’s allocated money while they cannot be reached (paid out later)', 201, HoldAnswer)
  async hold(@UuidParam('id') caseId: string, @Body() dto: HoldMoneyDto, @Command() meta: CommandMeta): Promise<HoldAnswer> {
    const holdId = meta.newId();
    return { ...(await this.run(caseId, 'HoldMoney', { holdId, ...dto }, meta)), holdId };
  }

  @RecoveryCommandRoute('write-offs', 'Request writing off what a worker is still owed, with the reason (a supervisor decides)', 201, WriteOffAnswer)
  async writeOff(@UuidParam('id') caseId: string, @Body() dto: RequestWriteOffDto, @Command() meta: CommandMeta): Promise<WriteOffAnswer> {
    const writeOffId = meta.newId();
    return { ...(await this.run(caseId, 'RequestWriteOff', { writeOffId, ...dto }, meta)), writeOffId };
  }

  @RecoveryCommandRoute('write-offs/:writeOffId/approve', 'Approve a write-off (a supervisor other than the requester)', 200, CommandAnswer, ['supervisor'])
  @ApiParam({ name: 'writeOffId', description: 'The write-off request' })
  async approve(@UuidParam('id') caseId: string, @UuidParam('writeOffId') writeOffId: string, @Command() meta: CommandMeta): Promise<CommandAnswer> {
    return this.run(caseId, 'ApproveWriteOff', { writeOffId }, meta);
  }

  @RecoveryCommandRoute('write-offs/:writeOffId/reject', 'Reject a write-off with the reason (a supervisor other than the requester)', 200, CommandAnswer, ['supervisor'])
  @ApiParam({ name: 'writeOffId', description: 'The write-off request' })
  async reject(
    @UuidParam('id') caseId: string,
    @UuidParam('writeOffId') writeOffId: string,
    @Body() dto: RejectWriteOffDto,
    @Command() meta: CommandMeta,
  ): Promise<CommandAnswer> {
    return this.run(caseId, 'RejectWriteOff', { writeOffId, ...dto }, meta);
  }
}
