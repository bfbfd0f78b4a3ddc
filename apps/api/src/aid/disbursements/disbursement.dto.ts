import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISBURSEMENT_STATUSES, PAYMENT_METHODS, PROGRAMME_KINDS, type BeneficiaryKind, type PaymentMethod } from '#domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, NestedObject, RequiredText } from '../../http/field-decorators.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { IsFen } from '../../shared/is-fen.js';
import { PagedAnswer } from '../../shared/paged.dto.js';
import { PagedQuery } from '../../shared/search.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';

export const BENEFICIARY_KINDS = ['household', 'model_worker', 'student', 'organisation'] as const satisfies readonly BeneficiaryKind[];

export class BeneficiaryRefDto {
  @ApiProperty({ enum: BENEFICIARY_KINDS, example: 'student' })
  @IsIn(BENEFICIARY_KINDS)
  kind!: BeneficiaryKind;

  @ApiProperty({ format: 'uuid', description: 'The beneficiary file: a household file, a model worker, a student, an organisation' })
  @IsUUID()
  id!: string;
}

export class RequestDisbursementDto {
  @ApiProperty({ description: 'The fund it is paid from' })
  @IsUUID()
  fundId!: string;

  @ApiProperty({ description: 'The programme it is paid under (its rule decides who qualifies)' })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({ type: BeneficiaryRefDto })
  @NestedObject(() => BeneficiaryRefDto)
  beneficiary!: BeneficiaryRefDto;

  @IsFen('Amount to pay, in fen (1 yuan = 100 fen)')
  amountFen!: number;

  @ApiProperty({ example: '家庭困难，子女升入高中', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;

  @ApiPropertyOptional({
    example: '2013-08-20',
    format: 'date',
    description:
      'The day it was asked for (Beijing date), for a request entered after the fact; unset: today. Not after today nor before 1990; the programme’s season, the year its cap counts in and the beneficiary’s eligibility are that day’s.',
  })
  @IsOptional() @IsCalendarDate()
  requestedOn?: string;
}

export class ApproveDisbursementDto {
  @ApiPropertyOptional({ example: '材料齐全，同意', maxLength: LONG_TEXT })
  @IsOptional() @RequiredText(LONG_TEXT)
  note?: string;

  @ApiPropertyOptional({
    example: '2013-08-28',
    format: 'date',
    description: 'The day it was approved (Beijing date), for an approval entered after the fact; unset: today. Not after today, not before the day it was asked for.',
  })
  @IsOptional() @IsCalendarDate()
  approvedOn?: string;
}

export class DisbursementReasonDto {
  @ApiProperty({ example: '不符合项目条件', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class PayDisbursementDto {
  @ApiProperty({ enum: PAYMENT_METHODS, example: 'bank_transfer' })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: '农商行回单 20260915-0031', maxLength: NAME })
  @RequiredText(NAME)
  reference!: string;

  @ApiProperty({ example: '2026-09-15', format: 'date', description: 'The day it was paid (Beijing date): not after today, not before the day it was approved' })
  @IsCalendarDate()
  paidOn!: string;
}

export const DISBURSEMENT_STATUS_FILTERS = ['awaiting_approval', ...DISBURSEMENT_STATUSES] as const;

export class ListDisbursementsQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: DISBURSEMENT_STATUS_FILTERS, description: "'awaiting_approval' (= requested): the supervisor's approval queue, oldest first" })
  @IsOptional() @IsIn(DISBURSEMENT_STATUS_FILTERS)
  status?: (typeof DISBURSEMENT_STATUS_FILTERS)[number];

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  fundId?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  programmeId?: string;
}

export class DisbursementAnswer extends CommandAnswer {
  @ApiProperty({ description: 'The fund whose stream holds the disbursement' })
  fundId!: string;

  @ApiProperty({ enum: DISBURSEMENT_STATUSES })
  status!: string;
}

export class BeneficiaryView {
  @ApiProperty({ enum: BENEFICIARY_KINDS }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class DisbursementView {
  @ApiProperty() id!: string;
  @ApiProperty() fundId!: string;
  @ApiProperty() programmeId!: string;
  @ApiProperty({ enum: PROGRAMME_KINDS }) programmeKind!: string;
  @ApiProperty() programmeName!: string;
  @ApiProperty({ type: BeneficiaryView }) beneficiary!: BeneficiaryView;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: DISBURSEMENT_STATUSES }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: String, nullable: true }) requestedByName!: string | null;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) approvedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) paidOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'The disbursement’s own revision: send it as If-Match' }) revision!: number;
  @ApiProperty({ type: Object, description: 'The disbursement as the domain folds it (approval, payment, rejection, cancellation)' }) detail!: Record<string, unknown>;
}

export class DisbursementListPage extends PagedAnswer {
  @ApiProperty({ type: [DisbursementView] }) items!: DisbursementView[];
}
