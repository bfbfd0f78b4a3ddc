import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { NestedList } from '../../http/field-decorators.js';
import { CommandAnswer } from '../../shared/command-answer.dto.js';
import { ClaimantDto } from '../open-dispute/open-dispute.dto.js';

export class AddClaimantsDto {
  @ApiProperty({ type: [ClaimantDto], description: 'Workers joining the case; a group case may add thousands at once' })
  @ArrayMinSize(1) @ArrayMaxSize(5000) @NestedList(() => ClaimantDto)
  claimants!: ClaimantDto[];
}

export class ClaimantsAddedAnswer extends CommandAnswer {
  @ApiProperty({ type: [String], description: 'The new claimants’ ids, in the order sent: claims and agreement amounts name them' })
  claimantIds!: string[];
}
