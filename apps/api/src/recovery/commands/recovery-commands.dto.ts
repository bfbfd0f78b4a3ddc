import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { PAYOUT_METHODS, RECEIPT_CHANNELS, type PayoutMethod, type ReceiptChannel } from '#domain';
import { IsCalendarDate, NestedList, RequiredText } from '../../http/field-decorators.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { IsFen } from '../../shared/is-fen.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';

const CLAIMANT = 100;
/** A group case may have a thousand workers, a plan a few years of monthly instalments. */
const MAX_WORKERS = 5000;

export class InstalmentDto {
  @ApiProperty({ example: '2026-07-31', description: 'Due date (YYYY-MM-DD)' })
  @IsCalendarDate()
  dueOn!: string;

  @IsFen('What falls due on that day, in fen')
  amountFen!: number;
}

export class SetPaymentPlanDto {
  @ApiProperty({ type: [InstalmentDto], description: 'The instalments; together exactly what the workers are owed' })
  @ArrayMinSize(1) @ArrayMaxSize(240) @NestedList(() => InstalmentDto)
  instalments!: InstalmentDto[];

  @ApiPropertyOptional({ description: 'Why the plan in force is changed (required for a change)', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  reason?: string;
}

export class AllocationDto {
  @ApiProperty({ description: 'A claimant on the case' })
  @RequiredText(CLAIMANT)
  claimantId!: string;

  @IsFen('Part of the receipt for this worker, in fen')
  amountFen!: number;
}

export class RecordReceiptDto {
  @IsFen('Money received from the employer, in fen')
  amountFen!: number;

  @ApiProperty({ example: '2026-04-01', description: 'Day the money arrived (YYYY-MM-DD)' })
  @IsCalendarDate()
  receivedOn!: string;

  @ApiProperty({ enum: RECEIPT_CHANNELS, description: 'wage_guarantee_fund: 欠薪保障金' })
  @IsIn(RECEIPT_CHANNELS)
  channel!: ReceiptChannel;

  @ApiProperty({ example: 'HD-2026-0001', description: 'Number of the receipt or bank slip', maxLength: NAME })
  @RequiredText(NAME)
  receiptNo!: string;

  @ApiPropertyOptional({ type: [AllocationDto], description: 'Explicit split; without it the receipt is split pro rata to what each worker still has outstanding' })
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(MAX_WORKERS) @NestedList(() => AllocationDto)
  allocations?: AllocationDto[];
}

export class RecordPayoutDto {
  @ApiProperty({ description: 'The worker paid (a claimant on the case)' })
  @RequiredText(CLAIMANT)
  claimantId!: string;

  @IsFen('Amount paid to the worker, in fen')
  amountFen!: number;

  @ApiProperty({ example: '2026-04-02', description: 'Day paid (YYYY-MM-DD)' })
  @IsCalendarDate()
  paidOn!: string;

  @ApiProperty({ enum: PAYOUT_METHODS, description: 'cash: give the reference of the worker’s signed receipt' })
  @IsIn(PAYOUT_METHODS)
  method!: PayoutMethod;

  @ApiProperty({ example: 'TR-88812', description: 'Bank transfer number, or the reference of the worker’s signature for cash', maxLength: NAME })
  @RequiredText(NAME)
  reference!: string;
}

export class HoldMoneyDto {
  @ApiProperty({ description: 'The worker who cannot be reached' })
  @RequiredText(CLAIMANT)
  claimantId!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Amount to hold, in fen; all of the worker’s allocated, unpaid money when left out' })
  @IsOptional() @IsFenOptional()
  amountFen?: number;

  @ApiPropertyOptional({ example: '2026-04-02', description: 'Day held (YYYY-MM-DD); today when left out' })
  @IsOptional() @IsCalendarDate()
  heldOn?: string;

  @ApiProperty({ example: '电话停机，多次联系不上', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class RequestWriteOffDto {
  @ApiProperty({ description: 'The worker whose outstanding amount is written off' })
  @RequiredText(CLAIMANT)
  claimantId!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Amount, in fen; all the worker still has outstanding when left out' })
  @IsOptional() @IsFenOptional()
  amountFen?: number;

  @ApiProperty({ example: '用人单位已破产清算，剩余欠薪无法追回', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class RejectWriteOffDto {
  @ApiProperty({ example: '用人单位仍有财产可供执行', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class ReceiptAnswer extends CommandAnswer {
  @ApiProperty()
  receiptId!: string;
}
export class PayoutAnswer extends CommandAnswer {
  @ApiProperty()
  payoutId!: string;
}
export class HoldAnswer extends CommandAnswer {
  @ApiProperty()
  holdId!: string;
}
export class WriteOffAnswer extends CommandAnswer {
  @ApiProperty()
  writeOffId!: string;
}

/** The same check as IsFen (the same message), documented by the optional property above it. */
function IsFenOptional(): PropertyDecorator {
  return ValidateBy({ name: 'isFen', validator: { validate: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 } });
}
