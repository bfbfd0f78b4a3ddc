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

export class SkippedByAnswer {
  @ApiProperty({ example: '3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10', description: 'The staff member’s id, or `system` for the CLI' }) staffId!: string;
  @ApiProperty({ example: 'administrator' }) role!: string;
}

export class ProjectionSkipAnswer {
  @ApiProperty({ example: 'dispute-cases' }) projection!: string;
  @ApiProperty({ type: FailedEventAnswer, description: 'The event passed over' }) event!: FailedEventAnswer;
  @ApiProperty({ example: 'date/time field value out of range: "2026-02-30"', description: 'The error the projection failed with on it' }) error!: string;
  @ApiProperty({ example: '手工写入的事件，收到日期不存在' }) reason!: string;
  @ApiProperty({ type: SkippedByAnswer }) skippedBy!: SkippedByAnswer;
  @ApiProperty({ example: 'b7e0c1d2-…', description: 'The correlation id of the request that skipped it (in the log line)' }) correlationId!: string;
  @ApiProperty({ format: 'date-time' }) skippedAt!: string;
}

export class ProjectionStatusAnswer {
  @ApiProperty({ example: 'dispute-cases' }) name!: string;
  @ApiProperty({ example: '7421:1093', description: 'The checkpoint: the last log position applied' }) position!: string;
  @ApiProperty({ description: 'Events not yet applied (at most 10,000: "at least")' }) eventsBehind!: number;
  @ApiProperty({ description: 'Age in seconds of the oldest event not yet applied; 0 when caught up' }) secondsBehind!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The failure’s error while the projection is failing, else null' }) lastError!: string | null;
  @ApiPropertyOptional({ type: ProjectionFailureAnswer, nullable: true, description: 'Null while the projection is healthy' }) failure!: ProjectionFailureAnswer | null;
  @ApiProperty({ type: ProjectionSkipAnswer, isArray: true, description: 'Events an administrator skipped for this projection, oldest first (a rebuild passes over them too)' })
  skips!: ProjectionSkipAnswer[];
}
