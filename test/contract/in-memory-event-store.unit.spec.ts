import { InMemoryEventStore } from '#event-store';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, cleanup: () => store.close() };
});
