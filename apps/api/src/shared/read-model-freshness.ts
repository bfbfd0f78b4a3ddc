import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { comparePositions, isPosition, type EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { projectionStatus, readCheckpoint } from '#projections';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { RequestValidationError } from '../http/problem.js';

const MAX_WAIT_MS = 5_000;

/**
 * Read-your-writes: a query with ?minPosition= waits (bounded) until the projection has
 * applied that position, and says in headers how fresh the answer is.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async await(projection: string, minPosition: string | undefined, res: Response): Promise<void> {
    if (minPosition === undefined) return;
    if (!isPosition(minPosition)) {
      throw new RequestValidationError([{ field: 'minPosition', messages: ['must be a position from a command answer, e.g. "7421:1093"'] }]);
    }
    const deadline = Date.now() + MAX_WAIT_MS;
    let wait = 5;
    while (true) {
      const { position } = await readCheckpoint(this.ds, projection);
      if (comparePositions(position, minPosition) >= 0) {
        res.setHeader('X-Read-Model-Position', position);
        return;
      }
      if (Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 100);
    }
    const status = await projectionStatus(this.store, this.ds, projection);
    res.setHeader('X-Read-Model-Position', status.position);
    res.setHeader('X-Read-Model-Lag', `events=${status.eventsBehind}; seconds=${status.secondsBehind.toFixed(1)}`);
  }
}
