import { Controller, Get, Inject, Injectable, Res, type NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '#auth';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { projectionStatuses } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** One registry per application instance (tests start several in one process). */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly projectionEventsBehind = new Gauge({ name: 'projection_events_behind', help: 'Events not yet applied (capped at 10000)', labelNames: ['projection'], registers: [this.registry] });
  readonly projectionSecondsBehind = new Gauge({ name: 'projection_seconds_behind', help: 'Age of the oldest event not yet applied', labelNames: ['projection'], registers: [this.registry] });
  readonly projectionFailing = new Gauge({
    name: 'projection_failing',
    help: '1 while the projection cannot apply an event (see /api/operations/projections), else 0',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionFailingSeconds = new Gauge({ name: 'projection_failing_seconds', help: 'How long the projection has been failing; 0 when it is not', labelNames: ['projection'], registers: [this.registry] });
  readonly projectionFailedAttempts = new Gauge({ name: 'projection_failed_attempts', help: 'Failed attempts on the current failure; 0 when it is not failing', labelNames: ['projection'], registers: [this.registry] });
  readonly oldestWrite = new Gauge({
    name: 'event_store_oldest_open_transaction_seconds',
    help: 'Age of the oldest open writing transaction: subscribers cannot read past it',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.latency.startTimer();
    res.on('finish', () => {
      // The matched route pattern, not the URL, so case ids don't explode the label set.
      const route = (req.route as { path?: string } | undefined)?.path ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched';
      end({ method: req.method, route });
      this.metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    const statuses = await projectionStatuses(
      this.store,
      this.ds,
      ALL_PROJECTIONS.map((p) => p.name),
    );
    for (const s of statuses) {
      const projection = { projection: s.name };
      this.metrics.projectionEventsBehind.set(projection, s.eventsBehind);
      this.metrics.projectionSecondsBehind.set(projection, s.secondsBehind);
      this.metrics.projectionFailing.set(projection, s.failure ? 1 : 0);
      this.metrics.projectionFailingSeconds.set(projection, s.failure ? Math.max(0, (Date.now() - Date.parse(s.failure.since)) / 1000) : 0);
      this.metrics.projectionFailedAttempts.set(projection, s.failure?.attempts ?? 0);
    }
    if (this.store.diagnostics) this.metrics.oldestWrite.set((await this.store.diagnostics.oldestOpenWrite())?.ageSeconds ?? 0);
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
