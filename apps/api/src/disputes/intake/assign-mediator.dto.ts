import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../http/field-decorators.js';

export class AssignMediatorDto {
  @ApiProperty({ description: 'Staff id of the mediator who takes the case over' })
  @RequiredText(100)
  mediatorId!: string;
}
