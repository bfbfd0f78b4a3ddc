import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DISPUTE_CATEGORIES, type ClaimKind } from '#domain';
import { IsFen } from '../../shared/is-fen.js';
import { LONG_TEXT } from '../../shared/text-limits.js';
import { NestedList, RequiredText } from '../../http/field-decorators.js';

export class RecordClaimDto {
  @ApiProperty({ description: 'The claimant on the case (from the case page or the add-claimants answer)' })
  @RequiredText(100)
  claimantId!: string;

  @ApiProperty({ enum: DISPUTE_CATEGORIES, description: 'What is claimed: wages owed, severance, ...' })
  @IsIn(DISPUTE_CATEGORIES)
  kind!: ClaimKind;

  @IsFen('Amount claimed, in fen')
  amountFen!: number;

  @ApiPropertyOptional({ example: '2025年10月至12月工资', maxLength: LONG_TEXT })
  @IsOptional() @IsString() @MaxLength(LONG_TEXT)
  note?: string;
}

export class RecordClaimsDto {
  @ApiProperty({ type: [RecordClaimDto], description: 'One claim per row; a claimant may have several. Any bad row refuses them all.' })
  @ArrayMinSize(1) @ArrayMaxSize(5000) @NestedList(() => RecordClaimDto)
  claims!: RecordClaimDto[];
}
