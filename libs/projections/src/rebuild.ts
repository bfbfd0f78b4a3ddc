import { START, type EventStore, type Position, type RecordedEvent } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { applyToReadModels, errorMessage, ProjectionEventError } from './apply.js';
import { lockCheckpoint, saveCheckpoint } from './checkpoints.js';
import { clearFailure } from './failures.js';
import type { AnyProjection } from './projection.js';

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
 * nothing is changed then.
 */
export async function rebuildProjection(
  store: EventStore,
  ds: DataSource,
  projection: AnyProjection,
  onProgress: (applied: number, position: Position) => void = () => undefined,
): Promise<{ events: number; position: Position }> {
  return ds.transaction(async (em) => {
    await lockCheckpoint(em, projection.name);
    for (const model of projection.readModels) await model.storage.reset(em);
    let position: Position = START;
    let count = 0;
    while (true) {
      const page = await store.readAll({ fromPosition: position, limit: PAGE });
      if (page.length === 0) break;
      await applyPage(em, projection, page);
      position = page[page.length - 1].position;
      count += page.length;
      onProgress(count, position);
    }
    await saveCheckpoint(em, projection.name, position);
    await clearFailure(em, projection.name);
    return { events: count, position };
  });
}
