import { ApiProperty } from '@nestjs/swagger';
import { CASE_OUTCOMES, DISPUTE_CATEGORIES } from '#domain';
import { PagedAnswer } from '../shared/paged.dto.js';
import { EmployerOwed, WorkerCaseMoney } from '../recovery/queries/party-money.dto.js';

export class WorkerListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '110105********1234', description: 'Always masked in lists' }) idNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: '138****8000', description: 'Always masked in lists' }) phone!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) employerName!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class WorkerListPage extends PagedAnswer {
  @ApiProperty({ type: [WorkerListItem] }) items!: WorkerListItem[];
}

export class WorkerCaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() claimantId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DISPUTE_CATEGORIES }) category!: string;
  @ApiProperty({ enum: ['open', 'accepted', 'closed'] }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty() respondentName!: string;
  @ApiProperty({ type: String, nullable: true }) mediatorId!: string | null;
  @ApiProperty({ type: WorkerCaseMoney, nullable: true, description: 'What the worker was owed, got and is still owed in this case; null until its recovery ledger opens' }) recovery!: WorkerCaseMoney | null;
}

export class EmployerRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class WorkerPage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'Also the ETag' }) revision!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'In full only for supervisors, administrators and the mediator of one of the worker’s cases' }) idNumber!: string;
  @ApiProperty() idNumberMasked!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'In full for the same readers as the ID number; otherwise masked (138****8000)' }) phone!: string | null;
  @ApiProperty() phoneMasked!: boolean;
  @ApiProperty({ type: EmployerRef, nullable: true }) employer!: EmployerRef | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: [WorkerCaseView] }) cases!: WorkerCaseView[];
}

export class EmployerListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) creditCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Contact person and phone; the phone masked in lists (李经理 139****9000)' }) contact!: string | null;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class EmployerListPage extends PagedAnswer {
  @ApiProperty({ type: [EmployerListItem] }) items!: EmployerListItem[];
}

export class EmployerCaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DISPUTE_CATEGORIES }) category!: string;
  @ApiProperty({ enum: ['open', 'accepted', 'closed'] }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty({ format: 'date' }) receivedOn!: string;
  @ApiProperty({ type: 'integer' }) claimantCount!: number;
  @ApiProperty({ type: String, nullable: true }) mediatorId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Still to be paid in by the employer in this case, in fen; null until its recovery ledger opens' }) recoveryOutstandingFen!: number | null;
}

export class EmployerCases {
  @ApiProperty({ type: 'integer', description: 'All the cases, even beyond the first 200 listed' }) total!: number;
  @ApiProperty({ type: [EmployerCaseView] }) items!: EmployerCaseView[];
}

export class EmployerPage extends EmployerListItem {
  @ApiProperty({ description: 'The contact’s phone is in full only for supervisors, administrators and the mediators of the employer’s cases' }) contactMasked!: boolean;
  @ApiProperty({ type: EmployerCases }) cases!: EmployerCases;
  @ApiProperty({ type: EmployerOwed, description: 'What the employer owes across its cases (recovery ledgers)' }) owed!: EmployerOwed;
}
