import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUND_KINDS, INCOME_SOURCES, type FundKind, type IncomeSource } from '#domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsLogMoment, IsPosition, NestedObject, RequiredText } from '../../http/field-decorators.js';
import { PageAsOfView } from '../../audit/audit-views.dto.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { IsFen } from '../../shared/is-fen.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';

export class OpenFundDto {
  @ApiProperty({ example: '仁和镇困难职工帮扶资金', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;

  @ApiProperty({ enum: FUND_KINDS, example: 'hardship_aid' })
  @IsIn(FUND_KINDS)
  kind!: FundKind;
}

export class DonorDto {
  @ApiProperty({ example: '仁和镇商会', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;

  @ApiProperty({ example: 'JZ-2026-0031', maxLength: NAME })
  @RequiredText(NAME)
  receiptNumber!: string;
}

export class RecordIncomeDto {
  @ApiProperty({ enum: INCOME_SOURCES, example: 'district_allocation' })
  @IsIn(INCOME_SOURCES)
  source!: IncomeSource;

  @IsFen('Amount received, in fen (1 yuan = 100 fen)')
  amountFen!: number;

  @ApiProperty({ example: '2026-03-01', format: 'date', description: 'The day the money was received (Beijing date)' })
  @IsCalendarDate()
  receivedOn!: string;

  @ApiProperty({ example: '顺工拨〔2026〕12号', maxLength: NAME, description: 'Allocation notice, receipt or bank slip' })
  @RequiredText(NAME)
  reference!: string;

  @ApiPropertyOptional({ type: DonorDto, description: "A donation's donor and receipt number (required for a donation)" })
  @IsOptional() @NestedObject(() => DonorDto)
  donor?: DonorDto;
}

export class CorrectIncomeDto {
  @ApiProperty({ example: '金额录入错误，应为 50,000.00 元', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class FundPageQuery {
  @ApiPropertyOptional({ example: '2026-01-01', format: 'date', description: 'First day of the period (Beijing date), inclusive' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'Last day of the period (Beijing date), inclusive' })
  @IsOptional() @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the page reflects this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;

  @ApiPropertyOptional({
    example: '2026-03-01T09:30:00+08:00',
    description: 'The page as it stood at this moment, replayed from the fund’s events (an instant with its offset, or a log position from a command answer); unset: now',
  })
  @IsOptional() @IsLogMoment()
  asOf?: string;
}

export class IncomeAnswer extends CommandAnswer {
  @ApiProperty({ description: 'The income entry (or reversing entry) recorded' })
  entryId!: string;
}

export class AmountView {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
}

export class FundView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: FUND_KINDS }) kind!: string;
  @ApiProperty({ type: 'integer', description: 'Income less reversals, all time' }) incomeFen!: number;
  @ApiProperty({ type: 'integer', description: 'Paid out, all time' }) paidFen!: number;
  @ApiProperty({ type: 'integer', description: 'Approved and not yet paid' }) committedFen!: number;
  @ApiProperty({ type: 'integer', description: 'What the fund holds: income − paid' }) balanceFen!: number;
  @ApiProperty({ type: 'integer', description: 'What may still be approved: balance − approved-not-yet-paid' }) availableFen!: number;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() openedAt!: string;
}

export class IncomeBySourceView {
  @ApiProperty({ enum: INCOME_SOURCES }) source!: string;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
}

export class DonorView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber!: string | null;
}

export class IncomeEntryView {
  @ApiProperty() entryId!: string;
  @ApiProperty({ enum: INCOME_SOURCES }) source!: string;
  @ApiProperty({ type: 'integer', description: 'Negative for a reversing entry' }) amountFen!: number;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: DonorView, nullable: true }) donor!: DonorView | null;
  @ApiProperty({ type: String, nullable: true }) correctsEntryId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() recordedBy!: string;
}

export class IncomeInRangeView {
  @ApiProperty({ type: 'integer' }) totalFen!: number;
  @ApiProperty({ type: [IncomeBySourceView] }) bySource!: IncomeBySourceView[];
  @ApiProperty({ type: [IncomeEntryView] }) entries!: IncomeEntryView[];
}

export class ProgrammeFiguresView {
  @ApiProperty() programmeId!: string;
  @ApiProperty() programmeName!: string;
  @ApiProperty() programmeKind!: string;
  @ApiProperty({ type: AmountView, description: 'Requested in the range (by the day requested)' }) requested!: AmountView;
  @ApiProperty({ type: AmountView, description: 'Approved in the range and not since rejected or cancelled (by the day approved)' }) approved!: AmountView;
  @ApiProperty({ type: AmountView, description: 'Paid in the range (by the day paid)' }) paid!: AmountView;
}

export class FundPage extends FundView {
  @ApiProperty({ type: Object, description: 'The range the figures below cover (null: all time)' }) range!: { from: string | null; to: string | null };
  @ApiProperty({ type: IncomeInRangeView }) income!: IncomeInRangeView;
  @ApiProperty({ type: [ProgrammeFiguresView] }) disbursementsByProgramme!: ProgrammeFiguresView[];
  @ApiPropertyOptional({ type: PageAsOfView, description: 'Only with ?asOf=: the moment, the position the page stands at, and which invariants held then' })
  asOfReplay?: PageAsOfView;
}

export class AidTimelineEntryView {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: Object }) actor!: { staffId: string; role: string };
  @ApiProperty({ description: 'One sentence, in the language asked for' }) description!: string;
  @ApiProperty({ type: String, nullable: true }) disbursementId!: string | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
}

