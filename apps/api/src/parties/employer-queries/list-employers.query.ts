import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PartyListQuery } from '../../shared/search.js';

export class ListEmployersQuery extends PartyListQuery {
  @ApiPropertyOptional({ description: 'The full unified social credit code (lower case alike)' })
  @IsOptional() @IsString() @MaxLength(40)
  creditCode?: string;
}
