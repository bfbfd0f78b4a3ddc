import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PartyListQuery } from '../../shared/search.js';

export class ListWorkersQuery extends PartyListQuery {
  @ApiPropertyOptional({ description: 'The full resident ID number (finds the one worker holding it; x or X alike)' })
  @IsOptional() @IsString() @MaxLength(40)
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Workers of this registered employer' })
  @IsOptional() @IsUUID()
  employerId?: string;
}
