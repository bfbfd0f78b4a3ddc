import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLogMoment } from '../http/field-decorators.js';

const MOMENT = 'An instant with its offset (2026-03-01T09:30:00+08:00) or a log position from a command answer (7421:1093)';

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-03-01T09:30:00+08:00', description: `${MOMENT}; unset: now` })
  @IsOptional() @IsLogMoment()
  asOf?: string;
}

export class VerifyQuery {
  @ApiPropertyOptional({ example: 'dispute-3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10', description: 'One stream; unset: the whole log' })
  @IsOptional() @IsString() @MaxLength(300)
  stream?: string;
}

export class ExportQuery extends VerifyQuery {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00', description: `From (inclusive): ${MOMENT}` })
  @IsOptional() @IsLogMoment()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59+08:00', description: `To (inclusive): ${MOMENT}` })
  @IsOptional() @IsLogMoment()
  to?: string;
}

export class InclusionQuery {
  @ApiProperty({ format: 'uuid', description: 'The event' })
  @IsUUID('all')
  eventId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The checkpoint; unset: the latest' })
  @IsOptional() @IsUUID('all')
  checkpoint?: string;
}

export class ConsistencyQuery {
  @ApiProperty({ format: 'uuid', description: 'The earlier checkpoint' })
  @IsUUID('all')
  from!: string;

  @ApiProperty({ format: 'uuid', description: 'The later checkpoint' })
  @IsUUID('all')
  to!: string;
}

export class ReadsQuery {
  @ApiPropertyOptional({ description: 'Only this staff member’s reads' })
  @IsOptional() @IsString() @MaxLength(100)
  staffId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only reads of this worker' })
  @IsOptional() @IsUUID('all')
  subjectId?: string;
}
