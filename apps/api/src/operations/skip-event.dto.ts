import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { REASON_MAX_LENGTH } from '#projections';
import { RequiredText } from '../http/field-decorators.js';

/** Which event to pass over (the one the projection is stuck on) and why. */
export class SkipEventDto {
  @ApiProperty({ format: 'uuid', description: 'The event the projection is stuck on: `failure.event.id` in GET /api/operations/projections' })
  @IsUUID('all')
  eventId!: string;

  @ApiProperty({ example: '手工写入的事件，收到日期 2026-02-30 不存在；已在案件中另行登记正确日期', maxLength: REASON_MAX_LENGTH })
  @RequiredText(REASON_MAX_LENGTH)
  reason!: string;
}
