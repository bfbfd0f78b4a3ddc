import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Wakeup } from '../wakeup.js';

export interface AppendNotificationsOptions {
  pool: pg.Pool;
  /** For the LISTEN connection; without it only this process's appends wake its subscribers. */
  connectionString?: string;
  /** At most one NOTIFY per this many milliseconds (the first after a quiet spell goes at once). */
  notifyIntervalMs?: number;
  /** The LISTEN connection failed, or a NOTIFY could not be sent: subscribers poll meanwhile. */
  onError?: (error: Error) => void;
}

const CHANNEL = 'es_appended';
const NOTIFY_SQL = `SELECT pg_notify('${CHANNEL}', $1)`;

/**
 * Wake-ups between processes over LISTEN/NOTIFY: appends here wake local subscribers at once
 * and other processes' by a NOTIFY sent after the commit; notifications from other processes
 * wake local subscribers. Losing a notification (a crash, a broken connection) costs only
 * latency: subscribers poll too.
 */
export class AppendNotifications {
  private readonly wakeup = new Wakeup();
  /** Sent with each NOTIFY: this instance's own come back on its LISTEN connection and wake nobody (appended() did). */
  private readonly origin = randomUUID();
  private listener?: pg.Client;
  private listening?: Promise<void>;
  private closed = false;

  /** The NOTIFY on its way, the next one's turn. */
  private notifying?: Promise<void>;
  private notifyTimer?: NodeJS.Timeout;
  private notifyWanted = false;
  private lastNotifyAt = -Infinity;

  constructor(private readonly options: AppendNotificationsOptions) {}

  /** Resolves at the next wake-up from here or from another process. */
  next(): Promise<void> {
    return this.wakeup.next();
  }

  /**
   * After an append committed: wake this process's subscribers now and other processes' by a
   * NOTIFY. Not inside the append: a notifying transaction holds a database-wide lock from its
   * commit until the commit is flushed, which queues every append behind the one before it.
   * One NOTIFY (a transaction of its own) covers every append that committed before it, so a
   * busy store sends one per notifyIntervalMs, not one per append.
   */
  appended(): void {
    this.wakeup.wake();
    if (this.closed) return;
    this.notifyWanted = true;
    this.scheduleNotify();
  }

  private scheduleNotify(): void {
    if (this.notifying || this.notifyTimer || !this.notifyWanted) return;
    const wait = this.lastNotifyAt + (this.options.notifyIntervalMs ?? 10) - performance.now();
    if (wait <= 0) return this.sendNotify();
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.sendNotify();
    }, wait);
  }

  private sendNotify(): void {
    this.notifyWanted = false;
    this.lastNotifyAt = performance.now();
    this.notifying = this.options.pool
      .query(NOTIFY_SQL, [this.origin])
      .then(
        () => undefined,
        (error: Error) => this.failed(error),
      )
      .finally(() => {
        this.notifying = undefined;
        if (!this.closed) this.scheduleNotify();
      });
  }

  /** Connects LISTEN if it is not connected (again, after a drop); polling covers the gap. */
  listen(): Promise<void> {
    if (!this.options.connectionString || this.closed) return Promise.resolve();
    this.listening ??= this.connect().catch((error: Error) => {
      this.failed(error);
      this.listening = undefined;
    });
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', (n) => {
      if (n.payload !== this.origin) this.wakeup.wake();
    });
    client.on('error', (error) => {
      this.failed(error);
      if (this.listener === client) this.listener = undefined;
      this.listening = undefined;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Errors after close() are the shutdown's own: expected, not reported. */
  private failed(error: Error): void {
    if (!this.closed) this.options.onError?.(error);
  }

  /**
   * Sends the last appends' wake-up, then ends the LISTEN connection: before the pool is ended
   * and before the server stops, so an orderly shutdown raises no connection error.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    await this.notifying;
    if (this.notifyWanted) this.sendNotify();
    await this.notifying;
    this.closed = true;
    this.wakeup.wake();
    await this.listening;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}
