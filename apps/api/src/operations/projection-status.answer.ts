import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FailedEventAnswer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DisputeCaseOpened' }) type!: string;
  @ApiProperty({ example: 'dispute-7d0c…' }) streamName!: string;
  @ApiProperty({ example: '0', description: 'The event’s revision in its stream' }) streamRevision!: string;
  @ApiProperty({ example: '7421:1093', description: 'The event’s position in the global log' }) position!: string;
}

export class ProjectionFailureAnswer {
  @ApiProperty({ example: 'dispute-cases' }) projection!: string;
  @ApiPropertyOptional({ type: FailedEventAnswer, nullable: true, description: 'The event it is stuck at; null when the failure is no event’s (the database was away)' })
  event!: FailedEventAnswer | null;
  @ApiProperty({ example: 'date/time field value out of range: "2026-02-30"' }) error!: string;
  @ApiProperty({ format: 'date-time', description: 'When this failure began' }) since!: string;
  @ApiProperty({ format: 'date-time' }) lastAttemptAt!: string;
  @ApiProperty({ example: 7 }) attempts!: number;
  @ApiProperty({ format: 'date-time', description: 'When the projector tries again (capped exponential backoff)' }) nextAttemptAt!: string;
  @ApiProperty({ example: 'worker-1:4242', description: 'host:pid of the projector that reported it' }) reportedBy!: string;
}

export class ProjectionStatusAnswer {
  @ApiProperty({ example: 'dispute-cases' }) name!: string;
  @ApiProperty({ example: '7421:1093', description: 'The checkpoint: the last log position applied' }) position!: string;
  @ApiProperty({ description: 'Events not yet applied (at most 10,000: "at least")' }) eventsBehind!: number;
  @ApiProperty({ description: 'Age in seconds of the oldest event not yet applied; 0 when caught up' }) secondsBehind!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The failure’s error while the projection is failing, else null' }) lastError!: string | null;
  @ApiPropertyOptional({ type: ProjectionFailureAnswer, nullable: true, description: 'Null while the projection is healthy' }) failure!: ProjectionFailureAnswer | null;
}
