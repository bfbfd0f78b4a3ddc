import { ApiProperty } from '@nestjs/swagger';
import type { CommandAnswerBody } from '#commands';

/** What every command answers: the record, its new revision (the ETag) and the log position. */
export class CommandAnswer implements CommandAnswerBody {
  @ApiProperty({ description: 'Id of the record changed' })
  id!: string;

  @ApiProperty({ description: 'The record’s revision after the change; send it back as If-Match' })
  revision!: number;

  @ApiProperty({ description: 'Global log position of the change; pass as ?minPosition= to read your write', example: '7421:1093', nullable: true })
  position!: string | null;
}
