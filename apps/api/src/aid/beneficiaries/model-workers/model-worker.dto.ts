import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MODEL_WORKER_LEVELS, type ModelWorkerLevel } from '#domain';
import { RequiredText } from '../../../http/field-decorators.js';
import { PagedAnswer } from '../../../shared/paged.dto.js';
import { PagedQuery } from '../../../shared/search.js';
import { LONG_TEXT, NAME } from '../../../shared/text-limits.js';
import { Day } from '../beneficiary-fields.js';
import { HistoryEntryView } from '../households/household-views.dto.js';

export class RegisterModelWorkerDto {
  @ApiProperty({ format: 'uuid', description: 'The worker as registered (/api/workers): on the roll once' })
  @IsUUID()
  workerId!: string;

  @ApiProperty({ example: '北京市劳动模范', maxLength: NAME, description: 'The title as awarded' })
  @RequiredText(NAME)
  title!: string;

  @ApiProperty({ enum: MODEL_WORKER_LEVELS, description: 'national (全国), municipal (市级), district (区级)' })
  @IsIn(MODEL_WORKER_LEVELS)
  level!: ModelWorkerLevel;

  @ApiProperty({ type: 'integer', minimum: 1950, maximum: 9999, example: 2010 })
  @IsInt() @Min(1950) @Max(9999)
  yearAwarded!: number;
}

export class RemoveModelWorkerDto {
  @Day('2020-05-01', 'The day the model worker leaves the roll (visits before it still count)')
  removedOn!: string;

  @ApiProperty({ example: '迁出本镇', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class ListModelWorkersQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: MODEL_WORKER_LEVELS })
  @IsOptional() @IsIn(MODEL_WORKER_LEVELS)
  level?: ModelWorkerLevel;

  @ApiPropertyOptional({ enum: ['on_roll', 'removed'] })
  @IsOptional() @IsIn(['on_roll', 'removed'])
  status?: 'on_roll' | 'removed';

  @ApiPropertyOptional({ description: 'Text in the name (Chinese works)', example: '李' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}

export class ModelWorkerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workerId!: string;
  @ApiProperty() workerName!: string;
  @ApiProperty({ type: String, nullable: true, example: '110105********1234', description: 'Always masked' }) idNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****8000', description: 'Always masked' }) phone!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MODEL_WORKER_LEVELS }) level!: string;
  @ApiProperty({ type: 'integer' }) yearAwarded!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) removedOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'Care visits (人次), not counting withdrawn ones' }) personVisits!: number;
  @ApiProperty({ type: 'integer', description: 'Also the ETag' }) revision!: number;
}

export class ModelWorkerListPage extends PagedAnswer {
  @ApiProperty({ type: [ModelWorkerView] }) items!: ModelWorkerView[];
}

export class ModelWorkerPage extends ModelWorkerView {
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
}
