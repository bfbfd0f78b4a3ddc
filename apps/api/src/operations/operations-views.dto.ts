import { ApiProperty } from '@nestjs/swagger';

export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ description: 'What the check saw, or why it failed', oneOf: [{ type: 'object' }, { type: 'string' }, { type: 'array' }] }) detail!: unknown;
}

export class HealthAnswer {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthCheckView' }, description: 'Each check by name: database, event-store, projection:<name>' })
  checks!: Record<string, HealthCheckView>;
}
