import { comparePositions, type EventStore } from '#event-store';
import { ProjectionEventError, rebuildProjection, type AnyProjection } from '#projections';
import type { DataSource } from 'typeorm';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Rebuilds the projections one after the other, with progress. Returns the exit code: 0 when
 * all were rebuilt, 1 when one met an event it cannot apply (named, with the error; that
 * projection keeps its old rows and the ones after it are not started).
 */
export async function rebuildProjections(store: EventStore, ds: DataSource, projections: readonly AnyProjection[], out: Output): Promise<number> {
  const head = await store.headPosition();
  for (const projection of projections) {
    const started = Date.now();
    let last = 0;
    out.log(`rebuilding ${projection.name} up to ${head} …`);
    try {
      const result = await rebuildProjection(store, ds, projection, (n, position) => {
        if (n - last >= 5000 || comparePositions(position, head) >= 0) {
          last = n;
          const rate = Math.round(n / Math.max((Date.now() - started) / 1000, 0.001));
          out.log(`  ${projection.name}: ${n} events read, at ${position} (${rate}/s)`);
        }
      });
      for (const e of result.skipped) {
        out.log(`  ${projection.name}: passed over event ${e.id} (${e.type}, stream ${e.streamName} revision ${e.streamRevision}, position ${e.position}): skipped by an administrator (see projection_skips)`);
      }
      out.log(`rebuilt ${projection.name}: ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s, checkpoint ${result.position}`);
    } catch (error) {
      if (!(error instanceof ProjectionEventError)) throw error;
      const e = error.event;
      out.error(
        `rebuild of ${projection.name} failed at event ${e.id} (${e.type}, stream ${e.streamName} revision ${e.streamRevision}, position ${e.position}): ${error.reason}\n` +
          `Nothing changed: ${projection.name} keeps its old rows.`,
      );
      return 1;
    }
  }
  return 0;
}
