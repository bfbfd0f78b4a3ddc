import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RequiredText } from '../../../http/field-decorators.js';
import { PagedAnswer } from '../../../shared/paged.dto.js';
import { PagedQuery } from '../../../shared/search.js';
import { NAME } from '../../../shared/text-limits.js';
import { Day } from '../beneficiary-fields.js';

export class UpdateSchoolingDto {
  @ApiProperty({ example: '仁和中学', maxLength: NAME })
  @RequiredText(NAME)
  school!: string;

  @ApiProperty({ example: '初三', maxLength: 50 })
  @RequiredText(50)
  grade!: string;

  @Day('2025-09-01', 'The day the new school or grade applies from')
  effectiveOn!: string;
}

export class ListStudentsQuery extends PagedQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Students of this household file' })
  @IsOptional() @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ description: 'Text in the name (Chinese works)' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}

export class StudentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The worker whose household it is' }) householdWorkerName!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The latest recorded' }) school!: string;
  @ApiProperty({ description: 'The latest recorded' }) grade!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
}

export class StudentListPage extends PagedAnswer {
  @ApiProperty({ type: [StudentView] }) items!: StudentView[];
}
