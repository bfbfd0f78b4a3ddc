import { ApiProperty } from '@nestjs/swagger';

export class StatsFigureView {
  @ApiProperty({ type: 'integer' }) value!: number;
  @ApiProperty({ description: 'What the figure counts, in the language asked for' }) definition!: string;
}

export class DisputeStatsAnswer {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: StatsFigureView }) casesHandled!: StatsFigureView;
  @ApiProperty({ type: StatsFigureView }) workersInvolved!: StatsFigureView;
}
