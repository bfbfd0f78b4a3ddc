import { Injectable } from '@nestjs/common';

/** One line of /health: resolves with a detail when up, throws saying why when down. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<unknown>;
}

/**
 * The checks /health runs beside its own (database, event store, projections). Any provider
 * registers one here (the embedded database's supervisor, the job queues), and /health asks
 * each in turn: a 503 names every one that is down.
 */
@Injectable()
export class HealthIndicators {
  private readonly indicators = new Map<string, HealthIndicator>();
  private changes = 0;

  register(indicator: HealthIndicator): () => void {
    this.indicators.set(indicator.name, indicator);
    this.changes++;
    return () => {
      if (this.indicators.get(indicator.name) !== indicator) return;
      this.indicators.delete(indicator.name);
      this.changes++;
    };
  }

  /** Changes whenever a check is registered or removed: a result from before no longer answers. */
  get version(): number {
    return this.changes;
  }

  all(): HealthIndicator[] {
    return [...this.indicators.values()];
  }
}
