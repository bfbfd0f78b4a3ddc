import { ApiProperty } from '@nestjs/swagger';
import { HARDSHIP_CAUSES } from '#domain';
import { PagedAnswer } from '../../../shared/paged.dto.js';

export class HouseholdListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workerId!: string;
  @ApiProperty() workerName!: string;
  @ApiProperty({ type: String, nullable: true, example: '110105********1234', description: 'Always masked' }) idNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****8000', description: 'Always masked' }) phone!: string | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) householdSize!: number;
  @ApiProperty({ enum: HARDSHIP_CAUSES }) cause!: string;
  @ApiProperty({ type: 'integer' }) monthlyIncomePerPersonFen!: number;
  @ApiProperty() singleMother!: boolean;
  @ApiProperty({ format: 'date' }) firstOpenedOn!: string;
  @ApiProperty({ format: 'date', description: 'The current (or latest) opening' }) openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'Also the ETag' }) revision!: number;
}

export class HouseholdListPage extends PagedAnswer {
  @ApiProperty({ type: [HouseholdListItem] }) items!: HouseholdListItem[];
}

export class OpenPeriodView {
  @ApiProperty({ format: 'date' }) openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn!: string | null;
}

export class HouseholdStudentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() school!: string;
  @ApiProperty() grade!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
}

export class HistoryEntryView {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() actorStaffId!: string;
  @ApiProperty({ description: 'What happened, in the language asked for (Accept-Language)' }) text!: string;
}

export class HouseholdPage extends HouseholdListItem {
  @ApiProperty({ type: String, nullable: true }) causeNote!: string | null;
  @ApiProperty({ type: [OpenPeriodView], description: 'Every period the file was open, oldest first' }) periods!: OpenPeriodView[];
  @ApiProperty({ type: [HouseholdStudentView] }) students!: HouseholdStudentView[];
  @ApiProperty({ type: 'integer', description: 'Care visits to the household (人次), not counting withdrawn ones' }) personVisits!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastVisitedOn!: string | null;
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
}

