import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPosition } from '../http/field-decorators.js';

/** The one query parameter of a record's page: read-your-writes. */
export class FreshnessQuery {
  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the page reflects this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}
