import { Injectable } from '@nestjs/common';

/**
 * Commands on one fund, one at a time within this process. Every disbursement lives in its
 * fund's stream, so commands racing in the same process would only lose to each other and
 * retry (8 supervisors approving at once spent most of their time in retries); queued, each
 * reads the stream once and appends. Correctness does not rest on this: across processes the
 * expected-revision check still serialises the appends, and the loop retries.
 */
@Injectable()
export class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }
}
