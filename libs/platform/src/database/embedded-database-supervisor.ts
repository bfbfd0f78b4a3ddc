export interface DatabaseStatus {
  up: boolean;
  /** Why it is down, for /health and the log. */
  reason?: string;
  /** How many times it was restarted after stopping on its own. */
  restarts: number;
}

/** What /health asks about the database process it depends on. */
export interface DatabaseStatusSource {
  status(): DatabaseStatus;
}

/** A started server process: ChildProcess fits. */
export interface ServerProcess {
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export interface SupervisedServer {
  /** Starts the server; resolves with its process once it accepts connections, rejects if it stops first. */
  start(): Promise<ServerProcess>;
  /** Why the server stopped, from its exit and its log since it started. */
  describeExit(exit: { code: number | null; signal: string | null }): string;
  /** Stops the server if it runs. */
  stop(): Promise<void>;
}

export interface SupervisorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How long after PostgreSQL last said "No space left on device" the disk counts as full. */
export const DISK_FULL_HOLD_MS = 30_000;
const NO_SPACE = /No space left on device/i;
/** After a crash PostgreSQL may recover by itself (it writes a checkpoint first): then it can write again. */
const READY = /database system is ready to accept connections/;

/** 1 s, 2 s, 5 s, 10 s, then every 30 s until the server starts again. */
export const RESTART_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

/**
 * Watches the embedded PostgreSQL this process started and starts it again, with backoff, when
 * it stops on its own (a full disk, a crash, a kill). PostgreSQL replays its WAL on start, so
 * every committed (acknowledged) write is there again; clients meanwhile get errors, never a
 * false success. The pools reconnect by themselves: the server comes back on the same port.
 */
export class EmbeddedDatabaseSupervisor implements DatabaseStatusSource {
  private up = true;
  private reason?: string;
  private restarts = 0;
  private failures = 0;
  private stopping = false;
  private timer?: NodeJS.Timeout;
  private diskFullAt?: number;
  private unexplainedShutdown = false;

  constructor(
    private readonly server: SupervisedServer,
    running: ServerProcess,
    private readonly logger: SupervisorLogger,
    private readonly delaysMs: readonly number[] = RESTART_DELAYS_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.watch(running);
  }

  status(): DatabaseStatus {
    if (!this.up) return { up: false, reason: this.reason, restarts: this.restarts };
    // A full disk does not always stop the server: a table that cannot grow fails its writes
    // ("could not extend file") while reads go on. Say so until the message stops coming.
    if (this.diskFullAt !== undefined && this.now() - this.diskFullAt < DISK_FULL_HOLD_MS) {
      const ago = Math.round((this.now() - this.diskFullAt) / 1000);
      return { up: false, reason: `disk full: PostgreSQL could not write (No space left on device) ${ago} s ago; writes fail until space is freed`, restarts: this.restarts };
    }
    return { up: true, restarts: this.restarts };
  }

  /** Each line PostgreSQL logs: a full disk is noticed even while the server keeps running. */
  noteLog(line: string): void {
    if (READY.test(line)) this.diskFullAt = undefined;
    if (!NO_SPACE.test(line)) return;
    if (this.diskFullAt === undefined || this.now() - this.diskFullAt >= DISK_FULL_HOLD_MS) this.logger.error('embedded PostgreSQL: disk full (No space left on device): writes fail until space is freed');
    this.diskFullAt = this.now();
  }

  /** Shutdown has begun: an exit from now on is expected, nothing is restarted. */
  release(): void {
    this.stopping = true;
    clearTimeout(this.timer);
  }

  async stop(): Promise<void> {
    this.release();
    await this.server.stop();
  }

  private watch(running: ServerProcess): void {
    running.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.up = false;
      this.reason = this.server.describeExit({ code, signal });
      // Exit code 0 is a shutdown someone asked for: Ctrl-C in a terminal reaches PostgreSQL too,
      // a moment before this process begins its own shutdown. Say it only if no shutdown follows.
      this.unexplainedShutdown = code === 0;
      if (code !== 0) this.logger.error(`embedded PostgreSQL is down (${this.reason}); restarting it in ${this.delay() / 1000} s`);
      this.scheduleRestart();
    });
  }

  private delay(): number {
    return this.delaysMs[Math.min(this.failures, this.delaysMs.length - 1)];
  }

  private scheduleRestart(): void {
    this.timer = setTimeout(() => void this.restart(), this.delay());
    this.timer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    if (this.unexplainedShutdown) this.logger.warn(`embedded PostgreSQL was shut down (${this.reason}) while this process runs: starting it again`);
    this.unexplainedShutdown = false;
    try {
      const running = await this.server.start();
      if (this.stopping) return void (await this.server.stop());
      this.restarts += 1;
      this.failures = 0;
      this.up = true;
      this.reason = undefined;
      this.diskFullAt = undefined; // it started, so it wrote its checkpoint: there is space again
      this.watch(running);
      this.logger.log(`embedded PostgreSQL is running again (restart ${this.restarts})`);
    } catch (error) {
      if (this.stopping) return;
      this.failures += 1;
      this.reason = this.server.describeExit({ code: null, signal: null });
      if (error instanceof Error && error.message) this.reason += ` (${error.message})`;
      this.logger.error(`embedded PostgreSQL did not start again (${this.reason}); next try in ${this.delay() / 1000} s`);
      this.scheduleRestart();
    }
  }
}
