import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allowed } from '#auth';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { projectionStatuses } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { DataSource } from 'typeorm';
import { ProjectionStatusAnswer } from './projection-status.answer.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/operations')
export class ProjectionsStatusController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('projections')
  @Allowed('administrator', 'supervisor', 'auditor')
  @ApiOperation({
    summary: 'Each read model’s checkpoint and lag (events and seconds behind the log), and while one is failing the event it is stuck at, the error, since when and how many attempts',
  })
  @ApiOkResponse({ type: ProjectionStatusAnswer, isArray: true })
  projections(): Promise<ProjectionStatusAnswer[]> {
    return projectionStatuses(
      this.store,
      this.ds,
      ALL_PROJECTIONS.map((p) => p.name),
    );
  }
}
