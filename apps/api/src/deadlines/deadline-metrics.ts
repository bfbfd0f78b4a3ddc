import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeadlineQueue } from '#jobs';
import { Gauge } from 'prom-client';
import { Metrics } from '../operations/metrics.js';
import { DeadlineBoard } from './deadline-board.service.js';

/** /metrics: deadlines by kind and state (due soon, overdue, ...), and the deadline jobs by queue state. */
@Injectable()
export class DeadlineMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly board: DeadlineBoard,
    private readonly deadlines: DeadlineQueue,
  ) {}

  onModuleInit(): void {
    const board = this.board;
    const deadlines = this.deadlines;
    new Gauge({
      name: 'deadlines',
      help: 'Running case deadlines by kind (mediation, follow_up) and state (upcoming, due_soon, overdue, paused)',
      labelNames: ['kind', 'state'],
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        for (const c of await board.counts()) this.set({ kind: c.kind, state: c.state }, c.count);
      },
    });
    new Gauge({
      name: 'deadline_jobs',
      help: 'Deadline jobs in the queue by state (delayed: waiting for their time)',
      labelNames: ['state'],
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        const counts = await deadlines.counts().catch(() => ({}) as Record<string, number>);
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
}
