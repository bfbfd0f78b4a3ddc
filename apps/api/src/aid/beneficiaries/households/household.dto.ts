import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { HARDSHIP_CAUSES, type HardshipCause } from '#domain';
import { IsFen } from '../../../shared/is-fen.js';
import { RequiredText } from '../../../http/field-decorators.js';
import { LONG_TEXT, NAME } from '../../../shared/text-limits.js';
import { Day, OptionalText } from '../beneficiary-fields.js';

export class OpenHouseholdDto {
  @ApiProperty({ format: 'uuid', description: 'The worker as registered (/api/workers): one hardship file per worker' })
  @IsUUID()
  workerId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100, example: 3, description: 'People in the household (家庭人口)' })
  @IsInt() @Min(1) @Max(100)
  householdSize!: number;

  @ApiProperty({ enum: HARDSHIP_CAUSES, description: 'Cause of hardship (致困原因)' })
  @IsIn(HARDSHIP_CAUSES)
  cause!: HardshipCause;

  @OptionalText('丈夫患尿毒症，长期透析', 'The hardship in the clerk’s words')
  causeNote?: string;

  @IsFen('Monthly income per person (家庭人均月收入), in fen')
  monthlyIncomePerPersonFen!: number;

  @ApiPropertyOptional({ description: 'A single mother’s household (单亲母亲家庭, 三八助单亲)', default: false })
  @IsOptional() @IsBoolean()
  singleMother?: boolean;

  @Day('2014-01-10', 'The day the file is opened (Beijing date; files are entered after the fact too)')
  openedOn!: string;

  @OptionalText('两节送温暖摸底', 'Why the file is opened; required when a closed file is opened again')
  reason?: string;
}

export class CloseHouseholdDto {
  @Day('2016-03-01', 'The day the household leaves hardship (from that day the file is closed)')
  closedOn!: string;

  @ApiProperty({ example: '家庭收入已超过困难标准', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}

export class RegisterStudentDto {
  @ApiProperty({ example: '王小明', maxLength: NAME })
  @RequiredText(NAME)
  name!: string;

  @ApiProperty({ example: '仁和中学', maxLength: NAME })
  @RequiredText(NAME)
  school!: string;

  @ApiProperty({ example: '初二', maxLength: 50 })
  @RequiredText(50)
  grade!: string;
}
