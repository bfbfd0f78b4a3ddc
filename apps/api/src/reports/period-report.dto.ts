import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReportFigureView {
  @ApiProperty({ example: 'wages_recovered', description: 'Stable name of the figure (the named query)' }) name!: string;
  @ApiProperty({ description: 'Its label, in the language asked for' }) label!: string;
  @ApiProperty({ enum: ['count', 'money'] }) kind!: 'count' | 'money';
  @ApiProperty({ type: 'integer', description: 'The count, or for money the amount in fen' }) value!: number;
  @ApiPropertyOptional({ example: '2,432,000.00元', description: 'Money only: the amount in yuan, formatted' }) yuan?: string;
  @ApiPropertyOptional({ format: 'date', description: 'For figures taken on a day (organisations, members, model workers on the roll)' }) on?: string;
  @ApiProperty({ description: 'What the figure counts, traceable to events, in the language asked for' }) definition!: string;
  @ApiProperty({ description: 'The stats query it is taken from' }) source!: string;
}

export class PeriodReportView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: ['zh', 'en'] }) lang!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ReportFigureView] }) figures!: ReportFigureView[];
}
