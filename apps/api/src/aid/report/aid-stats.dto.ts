import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INCOME_SOURCES } from '#domain';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsPosition } from '../../http/field-decorators.js';

export class AidStatsQuery {
  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'First day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31', format: 'date', description: 'Last day of the period (Beijing date), inclusive' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the figures reflect this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}

export class RaisedBySourceView {
  @ApiProperty({ enum: INCOME_SOURCES }) source!: string;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
}
export class AidRaisedView {
  @ApiProperty({ type: 'integer' }) totalFen!: number;
  @ApiProperty({ type: [RaisedBySourceView] }) bySource!: RaisedBySourceView[];
  @ApiProperty() definition!: string;
}
export class PaidByProgrammeView {
  @ApiProperty() programmeId!: string;
  @ApiProperty() programmeName!: string;
  @ApiProperty() programmeKind!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
}
export class AidPaidView {
  @ApiProperty({ type: 'integer' }) totalFen!: number;
  @ApiProperty({ type: [PaidByProgrammeView] }) byProgramme!: PaidByProgrammeView[];
  @ApiProperty() definition!: string;
}
export class StudentGrantsView {
  @ApiProperty({ type: 'integer', description: 'Students, each counted once' }) students!: number;
  @ApiProperty({ type: 'integer' }) grants!: number;
  @ApiProperty({ type: 'integer' }) amountFen!: number;
  @ApiProperty() definition!: string;
}
export class AidStatsAnswer {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: AidRaisedView }) aidRaised!: AidRaisedView;
  @ApiProperty({ type: AidPaidView }) aidPaid!: AidPaidView;
  @ApiProperty({ type: StudentGrantsView }) studentGrants!: StudentGrantsView;
}
