import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allowed } from '#auth';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { projectionStatus } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { DataSource } from 'typeorm';
import { ProjectionStatusView } from './operations-views.dto.js';

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
  @ApiOperation({ summary: 'Each read model’s checkpoint and lag (events and seconds behind the log)' })
  @ApiOkResponse({ type: [ProjectionStatusView] })
  projections(): Promise<ProjectionStatusView[]> {
    return Promise.all(ALL_PROJECTIONS.map((p) => projectionStatus(this.store, this.ds, p.name, true, null)));
  }
}
