import { ApiProperty } from '@nestjs/swagger';

export class RecoveryFigure {
  @ApiProperty({ example: 'wages_recovered', description: 'Stable name of the figure' }) name!: string;
  @ApiProperty({ description: 'Its label, in the language asked for' }) label!: string;
  @ApiProperty({ type: 'integer', description: 'The figure, in fen' }) valueFen!: number;
  @ApiProperty({ description: 'How it is computed, traceable to events, in the language asked for' }) definition!: string;
}

export class RecoveryStatsView {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ type: [RecoveryFigure], description: 'wages_recovered, paid_to_workers, written_off, outstanding_at_end' }) figures!: RecoveryFigure[];
}
