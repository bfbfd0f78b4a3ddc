import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '#auth';
import type { EventStore } from '#event-store';
import { DATABASE_STATUS, EVENT_STORE, type DatabaseStatusSource } from '#platform';
import { projectionStatus } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

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

async function embeddedStatus(source: DatabaseStatusSource): Promise<{ restarts: number }> {
  const s = source.status();
  if (!s.up) throw new Error(`${s.reason ?? 'stopped'}; restarts so far: ${s.restarts}`);
  return { restarts: s.restarts };
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_STATUS) private readonly embedded: DatabaseStatusSource | null,
  ) {}

  @Get()
  @ApiOperation({ summary: '200 when the database, the event store and the projectors are up; 503 naming what is down' })
  async health(@Res() res: Response): Promise<void> {
    const checks = await Promise.all([
      // The embedded PostgreSQL's process: says why it stopped (a full disk) while it is restarted.
      ...(this.embedded ? [check('embedded-postgres', () => embeddedStatus(this.embedded!))] : []),
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
