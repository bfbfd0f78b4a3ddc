import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReportFigureView {
  @ApiProperty({ example: 'wages_recovered', description: 'Stable name of the figure (the named query)' }) name!: string;
  @ApiProperty({ description: 'Its label, in the language asked for' }) label!: string;
  @ApiProperty({ enum: ['count', 'money'] }) kind!: 'count' | 'money';
  @ApiProperty({ type: 'integer', nullable: true, description: 'The count, or for money the amount in fen; null only for an amount beyond what a JSON number holds exactly (stored history from before the ceiling on entered amounts), whose exact fen are in `fen`' })
  value!: number | null;
  @ApiPropertyOptional({ example: '243200000', description: 'Money only: the amount in fen exactly, as decimal digits' }) fen?: string;
  @ApiPropertyOptional({ example: '2,432,000.00元', description: 'Money only: the amount in yuan, formatted' }) yuan?: string;
  @ApiPropertyOptional({ format: 'date', description: 'For figures taken on a day (organisations, members, model workers on the roll)' }) on?: string;
  @ApiProperty({ description: 'What the figure counts, traceable to events, in the language asked for' }) definition!: string;
  @ApiProperty({ description: 'The facts it reads (report_facts kinds) and the events behind them, and the stats route that gives the same figure' }) source!: string;
  @ApiProperty({ type: [String], example: ['DisbursementApproved', 'DisbursementCancelled', 'DisbursementRejected'], description: 'The event types behind it: those that record its facts, then those that withdraw them' }) events!: string[];
}

export class ReportPositionView {
  @ApiProperty({ type: String, nullable: true, description: 'asOf as asked (null: the latest)' }) requested!: string | null;
  @ApiProperty({ example: '7421:1093', description: 'The log position the figures stand at: every event up to it counted, none after' }) position!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the event at that position was recorded (null: before the first event)' }) recordedAt!: string | null;
  @ApiProperty({ description: 'False when the report’s facts had not yet reached the moment asked for: the figures then stand at `position`, earlier (see the X-Read-Model-Lag header)' }) complete!: boolean;
}

export class PeriodReportView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: ['zh', 'en'] }) lang!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ReportPositionView, description: 'Where in the log the figures stand' }) asOf!: ReportPositionView;
  @ApiProperty({ type: [ReportFigureView] }) figures!: ReportFigureView[];
}
