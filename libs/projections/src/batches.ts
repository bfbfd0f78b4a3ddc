/**
 * Groups an async iterable into batches of what is already at hand: it takes items while the
 * next one arrives before a macrotask turn (the source is yielding from a page it already
 * read) and closes the batch when the source has to wait for I/O. Catch-up then goes in big
 * transactions, live events in small ones, with no timer in the way.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const it = source[Symbol.asyncIterator]();
  const turn = Symbol('turn');
  const macrotask = () => new Promise<typeof turn>((r) => setImmediate(() => r(turn)));
  let pending = it.next();
  try {
    while (true) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = it.next();
      while (batch.length < maxSize) {
        const r = await Promise.race([pending, macrotask()]);
        if (r === turn) break;
        if (r.done) {
          yield batch;
          return;
        }
        batch.push(r.value);
        pending = it.next();
      }
      yield batch;
    }
  } finally {
    await it.return?.();
  }
}
