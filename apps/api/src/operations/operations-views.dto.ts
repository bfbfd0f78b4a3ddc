import { ApiProperty } from '@nestjs/swagger';

export class ProjectionStatusView {
  @ApiProperty({ example: 'dispute-cases' }) name!: string;
  @ApiProperty({ example: '7421:1093', description: 'The last log position applied' }) position!: string;
  @ApiProperty() running!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why the projection is stuck, if it is' }) lastError!: string | null;
  @ApiProperty({ type: 'integer', description: 'Events not yet applied (capped)' }) eventsBehind!: number;
  @ApiProperty({ description: 'Age of the oldest event not yet applied' }) secondsBehind!: number;
}

export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ description: 'What the check saw, or why it failed', oneOf: [{ type: 'object' }, { type: 'string' }, { type: 'array' }] }) detail!: unknown;
}

export class HealthAnswer {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthCheckView' }, description: 'Each check by name: database, event-store, projection:<name>' })
  checks!: Record<string, HealthCheckView>;
}
