import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagedQuery } from '../../../shared/search.js';

export class ListHouseholdsQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ description: 'Text in the worker’s name (Chinese works)', example: '张' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}
