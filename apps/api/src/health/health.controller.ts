import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '#auth';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { projectionStatus } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { HealthAnswer, HealthCheckView } from '../operations/operations-views.dto.js';

/** A projector this far behind is reported down: nothing is feeding the read models. */
const PROJECTOR_STALL_SECONDS = 30;

async function check(name: string, run: () => Promise<unknown>): Promise<{ name: string; up: boolean; detail: unknown }> {
  try {
    const detail = await Promise.race([run(), new Promise((_, fail) => setTimeout(() => fail(new Error('no answer within 3 s')), 3000))]);
    return { name, up: true, detail };
  } catch (error) {
    return { name, up: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('operations')
@ApiExtraModels(HealthCheckView)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: '200 when the database, the event store and the projectors are up; 503 naming what is down' })
  @ApiOkResponse({ type: HealthAnswer })
  @ApiServiceUnavailableResponse({ description: 'problem+json naming each check that is down, with every check’s detail' })
  async health(@Res() res: Response): Promise<void> {
    const checks = await Promise.all([
      check('database', () => this.ds.query('SELECT 1')),
      check('event-store', async () => ({ head: await this.store.headPosition() })),
      ...ALL_PROJECTIONS.map((p) =>
        check(`projection:${p.name}`, async () => {
          const s = await projectionStatus(this.store, this.ds, p.name, true, null);
          if (s.secondsBehind > PROJECTOR_STALL_SECONDS) throw new Error(`${s.eventsBehind} events behind, oldest ${Math.round(s.secondsBehind)} s old: is the worker running?`);
          return { position: s.position, eventsBehind: s.eventsBehind };
        }),
      ),
    ]);
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
