import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../http/field-decorators.js';
import { LONG_TEXT } from '../../shared/text-limits.js';
import { ReachAgreementDto } from '../closing/reach-agreement.dto.js';

/** The agreement as it now stands (every claimant's amount, terms, payment dates) and why it changed. */
export class AmendAgreementDto extends ReachAgreementDto {
  @ApiProperty({ example: '公司进入破产清算，经双方协商变更支付金额和期限', maxLength: LONG_TEXT })
  @RequiredText(LONG_TEXT)
  reason!: string;
}
