import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROGRAMME_KINDS, type ProgrammeKind } from '#domain';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsPosition, NestedObject, RequiredText } from '../../http/field-decorators.js';
import { IsFen } from '../../shared/is-fen.js';
import { LONG_TEXT, NAME } from '../../shared/text-limits.js';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SeasonDto {
  @ApiProperty({ example: '08-01', description: 'First month-day of the season' })
  @Matches(MONTH_DAY)
  from!: string;

  @ApiProperty({ example: '10-31', description: 'Last month-day (before `from`: the season runs over New Year)' })
  @Matches(MONTH_DAY)
  to!: string;
}

export class ProgrammeTermsDto {
  @ApiProperty({ example: '2026年金秋助学', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;

  @ApiPropertyOptional({ type: SeasonDto, description: 'When in the year it pays out; absent: all year' })
  @IsOptional() @NestedObject(() => SeasonDto)
  season?: SeasonDto;

  @IsFen('The most one beneficiary may receive under the programme in a calendar year, in fen')
  perBeneficiaryCapFen!: number;
}

export class CreateProgrammeDto extends ProgrammeTermsDto {
  @ApiProperty({ enum: PROGRAMME_KINDS, example: 'student_grants' })
  @IsIn(PROGRAMME_KINDS)
  kind!: ProgrammeKind;

  @ApiProperty({ description: 'The fund it pays from' })
  @IsUUID()
  fundId!: string;
}

export class ChangeProgrammeDto extends ProgrammeTermsDto {
  @ApiProperty({ example: '预算调整', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class CloseProgrammeDto {
  @ApiProperty({ example: '年度项目结束', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class ListProgrammesQuery {
  @ApiPropertyOptional({ description: 'Only the programmes of this fund' })
  @IsOptional() @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ example: '7421:1093' })
  @IsOptional() @IsPosition()
  minPosition?: string;
}

export class SeasonView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class ProgrammeView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PROGRAMME_KINDS }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() fundId!: string;
  @ApiProperty({ type: SeasonView, nullable: true }) season!: SeasonView | null;
  @ApiProperty({ type: 'integer' }) perBeneficiaryCapFen!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: 'integer' }) revision!: number;
}
