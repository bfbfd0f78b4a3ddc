import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsPosition } from '../http/field-decorators.js';

/** Escapes LIKE wildcards so a search for "100%" finds "100%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Paging and read-your-writes, shared by every list. */
export class PagedQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ example: '7421:1093', description: 'Wait until the list reflects this log position (from a command answer)' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}

/** Name search on top: the worker and employer lists. */
export class PartyListQuery extends PagedQuery {
  @ApiPropertyOptional({ description: 'Text in the name (Chinese works)', example: '张' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}
