import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';
import { IsPhone, NestedList, RequiredText } from '../../http/field-decorators.js';

export class RegisterWorkerDto {
  @ApiProperty({ example: '张秀英' })
  @RequiredText(NAME)
  name!: string;

  /** Shape only here; length, birth date and check digit are the domain's (422 RESIDENT_ID_INVALID, saying which). */
  @ApiProperty({ example: '11010519491231002X', description: 'Resident ID number (居民身份证号码), 18 characters with its check digit' })
  @RequiredText(40)
  idNumber!: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional() @IsString() @MaxLength(40) @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ description: 'The registered employer the worker works for' })
  @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '夜班，联系请在下午', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  notes?: string;
}

export class RegisterWorkersDto {
  @ApiProperty({ type: [RegisterWorkerDto], description: '1 to 1,000 workers' })
  @ArrayMinSize(1) @ArrayMaxSize(1000) @NestedList(() => RegisterWorkerDto)
  workers!: RegisterWorkerDto[];
}

class RowMessages {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class BulkRowResult {
  @ApiProperty({ description: 'The row’s place in the list sent, from 0' })
  index!: number;

  @ApiProperty({ enum: [201, 422], description: '201 registered; 422 refused by a rule (code and messages say which)' })
  status!: 201 | 422;

  @ApiPropertyOptional({ description: 'The new worker (201)' })
  id?: string;

  @ApiPropertyOptional({ description: 'The worker’s revision (201)' })
  revision?: number;

  @ApiPropertyOptional({ description: 'Log position of the row’s registration (201)', nullable: true })
  position?: string | null;

  @ApiPropertyOptional({ example: 'WORKER_ALREADY_REGISTERED', description: 'The rule broken (422)' })
  code?: string;

  @ApiPropertyOptional({ type: RowMessages, description: 'What is wrong with the row, for a clerk (422)' })
  messages?: RowMessages;

  @ApiPropertyOptional({ description: 'The rule’s details (422), e.g. the worker already holding the number' })
  details?: Record<string, unknown>;
}

export type RowResult = BulkRowResult;

export class BulkRegistrationAnswer {
  @ApiProperty({ description: 'Rows registered' })
  registered!: number;

  @ApiProperty({ description: 'Rows refused' })
  refused!: number;

  @ApiProperty({ type: [BulkRowResult] })
  results!: BulkRowResult[];
}
