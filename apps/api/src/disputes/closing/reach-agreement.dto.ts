import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { IsFen } from '../../shared/is-fen.js';
import { LONG_TEXT } from '../../shared/text-limits.js';
import { IsCalendarDate, NestedList, RequiredText } from '../../http/field-decorators.js';

export class AgreedAmountDto {
  @ApiProperty({ description: 'A claimant on the case' })
  @RequiredText(100)
  claimantId!: string;

  @IsFen('Agreed amount for this claimant, in fen (0 is an amount)')
  amountFen!: number;
}

export class ReachAgreementDto {
  @ApiProperty({ type: [AgreedAmountDto], description: 'Exactly one amount for every claimant on the case' })
  @ArrayMinSize(1) @ArrayMaxSize(5000) @NestedList(() => AgreedAmountDto)
  amounts!: AgreedAmountDto[];

  @ApiProperty({ example: '公司于2026年4月10日前分两期支付拖欠工资', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  terms!: string;

  @ApiProperty({ type: [String], example: ['2026-03-31', '2026-04-10'], description: 'Payment dates (YYYY-MM-DD)' })
  @IsArray() @ArrayMaxSize(120) @IsCalendarDate({ each: true })
  paymentDates!: string[];
}

export class AgreementAnswer extends CommandAnswer {
  @ApiProperty()
  agreementId!: string;
}
