import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignMediatorDto {
  @ApiProperty({ description: 'Staff id of the mediator who takes the case over' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  mediatorId!: string;
}
