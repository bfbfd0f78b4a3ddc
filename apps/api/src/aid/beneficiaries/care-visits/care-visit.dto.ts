import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { VISITEE_KINDS, type VisiteeKind } from '#domain';
import { IsCalendarDate, NestedObject } from '../../../http/field-decorators.js';
import { PagedAnswer } from '../../../shared/paged.dto.js';
import { PagedQuery } from '../../../shared/search.js';
import { NAME } from '../../../shared/text-limits.js';
import { Day, OptionalFen, OptionalText } from '../beneficiary-fields.js';
import { HistoryEntryView } from '../households/household-views.dto.js';

export class VisiteeDto {
  @ApiProperty({ enum: VISITEE_KINDS, description: 'A household in hardship (its file) or a model worker (the roll)' })
  @IsIn(VISITEE_KINDS)
  kind!: VisiteeKind;

  @ApiProperty({ format: 'uuid', description: 'The household file’s or the model worker’s id' })
  @IsUUID()
  id!: string;
}

export class RecordCareVisitDto {
  @ApiProperty({ type: VisiteeDto })
  @NestedObject(() => VisiteeDto)
  visitee!: VisiteeDto;

  @Day('2015-02-10', 'The day of the visit (Beijing date); the visitee must be on file that day')
  visitedOn!: string;

  @ApiPropertyOptional({ example: '5b0f7a9e-3c1d-4e2a-9f6b-2d8c7e1a4b30', maxLength: 100, description: 'The aid programme (两节送温暖, 关爱劳模, ...): its id (/api/aid/programmes); it must exist (422 PROGRAMME_NOT_FOUND)' })
  @IsOptional() @IsString() @MaxLength(100)
  programmeId?: string;

  @ApiProperty({ type: [String], example: ['镇工会主席 刘明'], description: 'Who went, by name' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(NAME, { each: true })
  visitors!: string[];

  @OptionalText('米、面、油', 'Goods handed over', 2000)
  goods?: string;

  @OptionalFen('Money handed over, in fen (paid through a disbursement of the fund)')
  moneyFen?: number;

  @ApiPropertyOptional({
    example: '0e6c2b1a-7d4f-4b8e-a3c9-5f1d2e8b7a64',
    maxLength: 100,
    description: 'The fund’s disbursement that paid the money, when there is one: granted to the one visited, under the programme named; the money is at most what it paid',
  })
  @IsOptional() @IsString() @MaxLength(100)
  disbursementId?: string;

  @OptionalText('老人身体好转', 'What was seen or said')
  note?: string;
}

export class ListCareVisitsQuery extends PagedQuery {
  @ApiPropertyOptional({ enum: VISITEE_KINDS })
  @IsOptional() @IsIn(VISITEE_KINDS)
  visiteeKind?: VisiteeKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Visits to this household file or model worker' })
  @IsOptional() @IsUUID()
  visiteeId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  programmeId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2011-01-01', description: 'Visited on or after (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2016-12-31', description: 'Visited on or before (Beijing date)' })
  @IsOptional() @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['yes', 'no'], default: 'no', description: 'Also list visits withdrawn as recorded in error' })
  @IsOptional() @IsIn(['yes', 'no'])
  withdrawn?: 'yes' | 'no';
}

export class CareVisitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: VISITEE_KINDS }) visiteeKind!: string;
  @ApiProperty({ format: 'uuid' }) visiteeId!: string;
  @ApiProperty() visiteeName!: string;
  @ApiProperty({ format: 'date' }) visitedOn!: string;
  @ApiProperty({ type: String, nullable: true }) programmeId!: string | null;
  @ApiProperty({ type: [String] }) visitors!: string[];
  @ApiProperty({ type: String, nullable: true }) goods!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) moneyFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) disbursementId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() withdrawn!: boolean;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
}

export class CareVisitListPage extends PagedAnswer {
  @ApiProperty({ type: [CareVisitView] }) items!: CareVisitView[];
}

export class CareVisitPage extends CareVisitView {
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
}
