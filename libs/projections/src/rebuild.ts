import { START, type EventStore, type Position, type RecordedEvent } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { applyToReadModels, errorMessage, failedEvent, ProjectionEventError, type FailedEvent } from './apply.js';
import { lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import { clearFailure } from './failures.js';
import type { AnyProjection } from './projection.js';
import { readSkips } from './skips.js';

const PAGE = 2000;

/**
 * Applies a page inside the rebuild's transaction. When it fails, the page is rolled back to
 * its savepoint and applied again one event at a time, so the error names the event.
 */
async function applyPage(em: EntityManager, projection: AnyProjection, page: RecordedEvent[]): Promise<void> {
  await em.query('SAVEPOINT rebuild_page');
  try {
    await applyToReadModels(em, projection, page);
  } catch (error) {
    await em.query('ROLLBACK TO SAVEPOINT rebuild_page');
    if (error instanceof ProjectionEventError) throw error;
    for (const event of page) {
      await em.query('SAVEPOINT rebuild_event');
      try {
        await applyToReadModels(em, projection, [event]);
      } catch (failure) {
        throw failure instanceof ProjectionEventError ? failure : new ProjectionEventError(projection.name, event, errorMessage(failure));
      }
      await em.query('RELEASE SAVEPOINT rebuild_event');
    }
  }
  await em.query('RELEASE SAVEPOINT rebuild_page');
}

/**
 * Rebuilds one projection from the first event, in one transaction: readers keep seeing the
 * old rows until it commits (storages delete rather than truncate), and a live runner of the
 * same projection waits on the checkpoint row meanwhile, then carries on from where the
 * rebuild stopped. While it runs, its transaction holds back every subscriber (the xmin guard
 * cannot pass an open writer): fine for this federation's volumes, minutes at most.
 * An event the projection cannot apply ends it with a ProjectionEventError naming the event;
 * nothing is changed then. An event an administrator skipped for this projection
 * (`projection_skips`) is passed over as the live runner passed over it, and named in the
 * answer: the rebuilt rows are the ones the runner keeps, and a rebuild never stops on an event
 * someone already decided, with a reason on record, to leave out. (To have it applied after a
 * fix, delete its row from `projection_skips` before the rebuild.)
 */
export async function rebuildProjection(
  store: EventStore,
  ds: DataSource,
  projection: AnyProjection,
  onProgress: (applied: number, position: Position) => void = () => undefined,
): Promise<{ events: number; position: Position; skipped: FailedEvent[] }> {
  return ds.transaction(async (em) => {
    await lockCheckpoint(em, projection.name);
    const skips = new Set((await readSkips(em, [projection.name])).get(projection.name)!.map((s) => s.event.id));
    const skipped: FailedEvent[] = [];
    for (const model of projection.readModels) await model.storage.reset(em);
    let position: Position = START;
    let count = 0;
    while (true) {
      const page = await store.readAll({ fromPosition: position, limit: PAGE });
      if (page.length === 0) break;
      const applied = page.filter((e) => {
        if (!skips.has(e.id)) return true;
        skipped.push(failedEvent(e));
        return false;
      });
      if (applied.length) await applyPage(em, projection, applied);
      position = page[page.length - 1].position;
      count += page.length;
      onProgress(count, position);
    }
    await saveCheckpoint(em, projection.name, position);
    await clearFailure(em, projection.name);
    return { events: count, position, skipped };
  });
}
