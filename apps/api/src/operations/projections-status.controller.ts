import { Body, Controller, Get, HttpCode, Inject, Logger, Optional, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allowed } from '#auth';
import type { Actor } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE, ProjectionsService } from '#platform';
import { projectionStatuses, readSkips, skipProjectionEvent } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { DataSource } from 'typeorm';
import { RequestValidationError } from '../http/problem.js';
import { Meta, type RequestMeta } from '../http/request-meta.js';
import { CurrentActor } from '../shared/actor.js';
import { ProjectionSkipAnswer, ProjectionStatusAnswer } from './projection-status.answer.js';
import { SkipEventDto } from './skip-event.dto.js';

const NAMES = ALL_PROJECTIONS.map((p) => p.name);

@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/operations')
export class ProjectionsStatusController {
  private readonly logger = new Logger('projections');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    /** Present when the projectors run in this process (npm start): a skip then wakes its projector at once. */
    @Optional() private readonly projectors?: ProjectionsService,
  ) {}

  @Get('projections')
  @Allowed('administrator', 'supervisor', 'auditor')
  @ApiOperation({
    summary:
      'Each read model’s checkpoint and lag (events and seconds behind the log), while one is failing the event it is stuck at, the error, since when and how many attempts, and the events an administrator skipped',
  })
  @ApiOkResponse({ type: ProjectionStatusAnswer, isArray: true })
  async projections(): Promise<ProjectionStatusAnswer[]> {
    const [statuses, skips] = await Promise.all([projectionStatuses(this.store, this.ds, NAMES), readSkips(this.ds, NAMES)]);
    return statuses.map((s) => ({ ...s, skips: skips.get(s.name) ?? [] }));
  }

  @Post('projections/:name/skips')
  @HttpCode(201)
  @Allowed('administrator')
  @ApiParam({ name: 'name', enum: NAMES, description: 'The projection' })
  @ApiOperation({
    summary:
      'Skip for good the one event a projection is stuck on (an event it will never apply): its checkpoint moves just past the event, the skip is recorded with the reason, and the projection carries on with the events after it. Only the event the failure on record names, and a reason is required.',
  })
  @ApiCreatedResponse({ type: ProjectionSkipAnswer })
  @ApiConflictResponse({
    description:
      'PROJECTION_NOT_STUCK (no failure on an event on record), NOT_THE_STUCK_EVENT (it is stuck on another event: `details.stuckOn`), PROJECTION_NOT_AT_EVENT (its checkpoint is not right before the event yet: try again); `errors` names `eventId`',
  })
  @ApiUnprocessableEntityResponse({ description: 'SKIP_REASON_REQUIRED, SKIP_REASON_TOO_LONG; `errors` names `reason`' })
  async skip(@Param('name') name: string, @Body() dto: SkipEventDto, @CurrentActor() actor: Actor, @Meta() meta: RequestMeta): Promise<ProjectionSkipAnswer> {
    if (!NAMES.includes(name)) {
      const en = `must be one of: ${NAMES.join(', ')}`;
      throw new RequestValidationError([{ field: 'name', messages: [en], localized: { zh: [`须为以下投影之一：${NAMES.join('、')}`], en: [en] } }]);
    }
    const skip = await skipProjectionEvent(
      this.store,
      this.ds,
      NAMES,
      { projection: name, eventId: dto.eventId, reason: dto.reason, by: actor, correlationId: meta.correlationId },
      { warn: (msg, context) => this.logger.warn({ ...context, msg }) },
    );
    this.projectors?.runner.retryNow(name);
    return skip;
  }
}
