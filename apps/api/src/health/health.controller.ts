import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '#auth';
import type { EventStore } from '#event-store';
import { EVENT_STORE, HealthIndicators, type HealthIndicator } from '#platform';
import { describeFailure, projectionStatuses, type ProjectionStatus } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { HealthAnswer, HealthCheckView } from '../operations/operations-views.dto.js';
import { RecentResult } from './recent-result.js';

/** A projector this far behind is reported down: nothing is feeding the read models. */
const PROJECTOR_STALL_SECONDS = 30;
const CHECK_TIMEOUT_MS = 3000;
/** Every caller within this long after a check began gets its result (see RecentResult). */
const CHECK_SHARED_FOR_MS = 1000;

type CheckResult = { name: string; up: boolean; detail: unknown };

async function run(indicator: HealthIndicator): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS)));
    return { name: indicator.name, up: true, detail: await Promise.race([indicator.check(), timeout]) };
  } catch (error) {
    return { name: indicator.name, up: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** A projection is down when it is failing on an event (or at all), or stalled far behind. */
export function projectionHealth(s: ProjectionStatus): unknown {
  if (s.failure) throw new Error(describeFailure(s.failure));
  if (s.secondsBehind > PROJECTOR_STALL_SECONDS) throw new Error(`${s.eventsBehind} events behind, oldest ${Math.round(s.secondsBehind)} s old: is the worker running?`);
  return { position: s.position, eventsBehind: s.eventsBehind };
}

@ApiTags('operations')
@ApiExtraModels(HealthCheckView)
@Public()
@Controller('health')
export class HealthController {
  private readonly recent = new RecentResult<CheckResult[]>(CHECK_SHARED_FOR_MS);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registered: HealthIndicators,
  ) {}

  /** The built-in checks, then whatever other providers registered. */
  private indicators(): HealthIndicator[] {
    // One read of every projection's checkpoint and failure, shared by their checks.
    let statuses: Promise<ProjectionStatus[]> | undefined;
    const status = (name: string) => (statuses ??= projectionStatuses(this.store, this.ds, ALL_PROJECTIONS.map((p) => p.name))).then((all) => all.find((s) => s.name === name)!);
    return [
      { name: 'database', check: () => this.ds.query('SELECT 1').then(() => 'reachable') },
      { name: 'event-store', check: async () => ({ head: await this.store.headPosition() }) },
      ...ALL_PROJECTIONS.map((p) => ({ name: `projection:${p.name}`, check: async () => projectionHealth(await status(p.name)) })),
      ...this.registered.all(),
    ];
  }

  @Get()
  @ApiOperation({
    summary: '200 when the database, the event store and the projectors are up; 503 naming what is down (a projection stuck on an event names the event). The checks are at most 1 s old.',
  })
  @ApiOkResponse({ type: HealthAnswer })
  @ApiServiceUnavailableResponse({ description: 'problem+json naming each check that is down, with every check’s detail' })
  async health(@Res() res: Response): Promise<void> {
    const checks = await this.recent.get(this.registered.version, () => Promise.all(this.indicators().map(run)));
    const down = checks.filter((c) => !c.up);
    const body = Object.fromEntries(checks.map((c) => [c.name, { status: c.up ? 'up' : 'down', detail: c.detail }]));
    if (!down.length) {
      res.status(200).json({ status: 'ok', checks: body });
      return;
    }
    res
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'https://casework.example/problems/unavailable',
          title: `Down: ${down.map((d) => d.name).join(', ')}`,
          status: 503,
          detail: down.map((d) => `${d.name}: ${String(d.detail)}`).join('\n'),
          checks: body,
        }),
      );
  }
}
