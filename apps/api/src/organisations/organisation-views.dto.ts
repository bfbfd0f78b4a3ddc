import { ApiProperty } from '@nestjs/swagger';
import { WORKERS_HOME_LEVELS } from '#domain';
import { HistoryEntryView } from '../aid/beneficiaries/households/household-views.dto.js';
import { PagedAnswer } from '../shared/paged.dto.js';

export class WorkersHomeRatingView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: WORKERS_HOME_LEVELS }) level!: string;
}

export class MemberCountView {
  @ApiProperty({ format: 'date' }) countedOn!: string;
  @ApiProperty({ type: 'integer' }) members!: number;
}

export class OrganisationListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerId!: string | null;
  @ApiProperty({ format: 'date' }) foundedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dissolvedOn!: string | null;
  @ApiProperty({ format: 'date', description: 'The day the figures below are read for' }) on!: string;
  @ApiProperty({ description: 'Founded by that day and not dissolved' }) exists!: boolean;
  @ApiProperty({ type: 'integer', description: 'Members on that day: the latest count made by then (0 before the first count)' }) members!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day of that count' }) countedOn!: string | null;
  @ApiProperty({ type: [WorkersHomeRatingView], description: 'Every year it was rated a Workers’ Home (职工之家)' }) workersHomeRatings!: WorkersHomeRatingView[];
  @ApiProperty({ type: 'integer', description: 'Also the ETag' }) revision!: number;
}

export class OrganisationListPage extends PagedAnswer {
  @ApiProperty({ type: [OrganisationListItem] }) items!: OrganisationListItem[];
}

export class OrganisationPage extends OrganisationListItem {
  @ApiProperty({ type: [MemberCountView], description: 'Every count, oldest first' }) memberCounts!: MemberCountView[];
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
}
