import type { RecordedEvent } from '#event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read model fed from the global log. The runtime owns the transaction and the checkpoint;
 * a projection only says which events it wants, how one changes its rows, and how to forget
 * everything (for a rebuild).
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: readonly string[];
  apply(event: RecordedEvent, em: EntityManager): Promise<void>;
  /**
   * Optional: several events at once, in log order, in one transaction. A projection that
   * touches the same rows again and again (a case's page on each of its events) reads and
   * writes them once per batch instead of once per event.
   */
  applyBatch?(events: RecordedEvent[], em: EntityManager): Promise<void>;
  reset(em: EntityManager): Promise<void>;
}
