/** A promise that resolves on the next wake(): subscribers sleep on it between batches. */
export class Wakeup {
  private resolve!: () => void;
  private pending = this.fresh();

  private fresh(): Promise<void> {
    return new Promise<void>((r) => (this.resolve = r));
  }

  next(): Promise<void> {
    return this.pending;
  }

  wake(): void {
    const resolve = this.resolve;
    this.pending = this.fresh();
    resolve();
  }
}

/** Sleeps until `wake` resolves, `ms` pass, or `signal` aborts: whichever comes first. */
export function waitForWake(wake: Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    void wake.then(done);
  });
}
