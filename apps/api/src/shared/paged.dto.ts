import { ApiProperty } from '@nestjs/swagger';

/** The paging fields every list answers with, beside its items. */
export class PagedAnswer {
  @ApiProperty({ type: 'integer', example: 1 }) page!: number;
  @ApiProperty({ type: 'integer', example: 20 }) pageSize!: number;
  @ApiProperty({ type: 'integer', description: 'Items matching, over all pages' }) total!: number;
}
